package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.prefs.Preferences;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.nn.Edges;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.ZeroPadding2D;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.training.TrainingConfig;
import org.layerlab.ui.commands.Edits;
import org.layerlab.ui.common.Settings;
import org.layerlab.ui.model.EditorModel;
import org.layerlab.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor driven like a user would, headless on Monocle; nodes found by #id. */
@ExtendWith(ApplicationExtension.class)
class EditorFlowTest {
    @TempDir
    static Path dir;
    private EditorModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Project p = new Project("flow", NetworkGraph.empty(), TrainingConfig.of(Loss.MSE, 1), null, List.of(), null);
        model = new EditorModel(p, null);
        window = new MainWindow(stage, model);
        // TestFX shares one stage between test classes: a smaller one left by another class would stay.
        stage.setWidth(1280);
        stage.setHeight(760);
        stage.show();
    }

    private void dragToCanvas(FxRobot robot, String kind, double dx, double dy) {
        robot.drag("#palette-" + kind).moveTo("#canvas").moveBy(dx, dy).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void buildConnectEditFixUndoRedoSaveAndReopen(FxRobot robot) throws Exception {
        dragToCanvas(robot, "Input", -150, -130);
        dragToCanvas(robot, "Dense", -150, 10);
        assertEquals(2, model.graph().size(), "both palette drops created a layer");
        assertTrue(model.graph().edges().isEmpty());

        robot.drag("#out-input").dropTo("#node-dense");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, model.graph().edges().size(), "dragging from the output port connects");

        // Input defaults to (784): the Dense shape label shows its 64 units.
        robot.clickOn("#node-dense");
        assertEquals("Dense", robot.lookup("#inspector-title").queryAs(Label.class).getText());
        Spinner<?> units = robot.lookup("#param-units").queryAs(Spinner.class);
        robot.doubleClickOn(units.getEditor()).write("7").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, ((Dense) model.graph().require("dense").spec()).units());
        assertEquals("→ (?, 7)", robot.lookup("#shape-dense").queryAs(Label.class).getText());
        assertEquals("Undo Set units", model.undoLabel());

        // An image input makes Dense wrong; the node offers the fix, which inserts Flatten.
        robot.interact(() -> model.execute(Edits.setSpec(model.graph(), "input",
                Input.of(28, 28, 1), "shape")));
        assertTrue(robot.lookup("#badge-dense").tryQuery().isPresent(), "the problem shows as a badge");
        robot.clickOn("#fix-dense");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.graph().contains("flatten"));
        assertFalse(model.analysis().hasErrors(), model.analysis().problems().toString());
        // The fix button went away with the rebuilt node: focus is back on the canvas, not in the search field.
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("canvas", robot.targetWindow().getScene().getFocusOwner().getId());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertFalse(model.graph().contains("flatten"), "Ctrl+Z right after the fix undoes it");
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        assertTrue(model.graph().contains("flatten"));

        NetworkGraph built = model.graph();
        // Focus the canvas: inside a text field, Ctrl+Z undoes typing, as everywhere.
        robot.clickOn("#canvas", MouseButton.PRIMARY);
        int steps = 0;
        while (model.canUndo() && steps < 50) {
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            steps++;
        }
        assertEquals(0, model.graph().size(), "undo goes back to the empty start in " + steps + " steps");
        for (int i = 0; i < steps; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        }
        assertEquals(built, model.graph(), "redo restores every step");

        Path file = dir.resolve("flow.layerlab");
        robot.interact(() -> model.markSaved(file));
        robot.interact(() -> model.execute(Edits.rename(model.graph(), "dense", "classifier")));
        assertTrue(model.isDirty());
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.isDirty(), "Ctrl+S saved to the project's file");
        NetworkGraph saved = model.graph();
        robot.interact(() -> model.open(new Project("other", NetworkGraph.empty(), TrainingConfig.of(Loss.MSE, 1), null,
                List.of(), null), null));
        robot.interact(() -> window.open(file));
        assertEquals(saved, model.graph(), "reopening gives the same document");
        assertEquals(ProjectFiles.toJson(model.project(), null), Files.readString(file));
        // Remembered for Open Recent in the suite's own settings, not in the user's preferences.
        assertTrue(Settings.get("recent", "").contains(file.toAbsolutePath().toString()));
        assertFalse(Preferences.userRoot().node("org/layerlab").get("recent", "").contains(dir.toString()));
    }

    @Test
    void draggingOverEmptyCanvasSelectsTheNodesInTheRectangle(FxRobot robot) {
        robot.interact(() -> {
            model.execute(Edits.addLayer(model.graph(), Input.of(4), 200, 120));
            model.execute(Edits.addLayer(model.graph(), new Dense(3), 200, 260));
            model.selection().clear();
        });
        Bounds canvas = robot.lookup("#canvas").query().localToScreen(
                robot.lookup("#canvas").query().getBoundsInLocal());
        robot.drag(new Point2D(canvas.getMinX() + 5, canvas.getMinY() + 5))
                .dropTo(new Point2D(canvas.getMinX() + 520, canvas.getMinY() + 300));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("input", "dense"), Set.copyOf(model.selection()));
        assertTrue(robot.lookup(".rubber-band").queryAll().isEmpty(), "the rectangle goes away on release");
    }

    @Test
    void draggingALayerMovesTheSelectionWithItAsOneUndoableMove(FxRobot robot) {
        robot.interact(() -> {
            model.execute(Edits.addLayer(model.graph(), Input.of(4), 200, 120));
            model.execute(Edits.addLayer(model.graph(), new Dense(3), 200, 260));
            model.selection().clear();
        });
        double inputX = model.graph().require("input").x();
        double denseY = model.graph().require("dense").y();
        double denseX = model.graph().require("dense").x();
        double zoom = window.canvas().zoomProperty().get();

        robot.clickOn("#node-input").press(KeyCode.SHIFT).clickOn("#node-dense").release(KeyCode.SHIFT);
        assertEquals(Set.of("input", "dense"), Set.copyOf(model.selection()), "shift-click adds to the selection");
        robot.drag("#node-dense").moveBy(60, 40).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(denseX + 60 / zoom, model.graph().require("dense").x(), 1.5, "the dragged layer follows the pointer");
        assertEquals(inputX + 60 / zoom, model.graph().require("input").x(), 1.5, "the rest of the selection moves with it");
        assertEquals("Undo Move 2 layers", model.undoLabel());

        robot.interact(model::undo);
        assertEquals(denseY, model.graph().require("dense").y(), "one undo puts both back");
        assertEquals(inputX, model.graph().require("input").x());

        robot.clickOn("#node-dense");
        assertEquals("Undo Add Dense", model.undoLabel(), "a click without a drag moves nothing");
    }

    @Test
    void autoLayoutAndKeyboardDelete(FxRobot robot) {
        robot.interact(() -> {
            model.execute(Edits.addLayer(model.graph(), Input.of(4), 600, 40));
            model.execute(Edits.addLayer(model.graph(), new Dense(3), 20, 20));
            model.execute(Edits.connect(model.graph(), "input", "dense", 0));
        });
        robot.clickOn("#tool-auto-layout");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.graph().require("dense").y() > model.graph().require("input").y());
        assertEquals("Undo Auto-layout", model.undoLabel());
        robot.clickOn("#node-input");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.graph().contains("input"));
        assertTrue(model.graph().edges().isEmpty(), "the node's edges went with it");
        assertEquals("Undo Delete input", model.undoLabel());
    }

    @Test
    void paletteSearchFiltersAndDoubleClickAddsAfterTheSelection(FxRobot robot) {
        robot.interact(() -> model.execute(Edits.addLayer(model.graph(),
                Input.of(4), 300, 40)));
        robot.clickOn("#node-input");
        robot.clickOn("#palette-search").write("pool");
        assertFalse(robot.lookup("#palette-Dense").query().isVisible());
        assertTrue(robot.lookup("#palette-MaxPooling2D").query().isVisible());
        robot.doubleClickOn("#palette-GlobalAveragePooling2D");
        assertTrue(model.graph().contains("globalaveragepooling2d"));
        assertEquals(1, model.graph().inputsOf("globalaveragepooling2d").size(), "connected to the selected layer");
        assertFalse(robot.lookup("#palette-no-match").query().isVisible());
        robot.doubleClickOn("#palette-search").write("lstmx");
        assertTrue(robot.lookup("#palette-no-match").query().isVisible());
        assertEquals("No layer matches 'lstmx'.", robot.lookup("#palette-no-match").queryAs(Label.class).getText());
    }

    @Test
    void theInspectorEditsEveryOptionOfTheKindIncludingRegularizerAndAlpha(FxRobot robot) {
        robot.interact(() -> model.execute(Edits.addLayer(model.graph(), new Dense(8, "relu"), 100, 100)));
        robot.clickOn("#node-dense");
        for (String option : List.of("units", "activation", "use_bias", "kernel_initializer", "bias_initializer")) {
            assertTrue(robot.lookup("#param-" + option).tryQuery().isPresent(), option + " has an editor");
        }
        TextField l2 = robot.lookup("#param-kernel_regularizer-l2").queryAs(TextField.class);
        robot.doubleClickOn(l2).write("0.01").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Regularizer(0, 0.01), ((Dense) model.graph().require("dense").spec()).kernelRegularizer());
        assertFalse(robot.lookup("#param-alpha").tryQuery().isPresent(), "relu has no alpha");
        robot.interact(() -> robot.lookup("#param-activation").queryAs(ChoiceBox.class).setValue("leaky_relu"));
        WaitForAsyncUtils.waitForFxEvents();
        TextField alpha = robot.lookup("#param-alpha").queryAs(TextField.class);
        assertEquals("0.2", alpha.getText(), "the Keras default slope");
        robot.doubleClickOn(alpha).write("0.05").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.05, ((Dense) model.graph().require("dense").spec()).activation().alpha(), 1e-12);
    }

    /** Keras' ((top, bottom), (left, right)): four spinners, each edge on its own. */
    @Test
    void theInspectorEditsEachEdgeOfAPadding(FxRobot robot) {
        robot.interact(() -> model.execute(Edits.addLayer(model.graph(), new ZeroPadding2D(Edges.of(1)), 100, 100)));
        robot.clickOn("#node-zeropadding2d");
        robot.interact(() -> robot.lookup("#param-padding-right").queryAs(Spinner.class).getValueFactory().setValue(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new Edges(1, 1, 1, 3), ((ZeroPadding2D) model.graph().require("zeropadding2d").spec()).padding());
    }

    @Test
    void aConnectionThatWouldMakeALoopIsRefusedWithTheReason(FxRobot robot) {
        // A short column near the top, so every port is on screen.
        robot.interact(() -> {
            model.execute(Edits.addLayer(model.graph(), Input.of(4), 20, 10));
            model.execute(Edits.addLayer(model.graph(), new Dense(8), 20, 105));
            model.execute(Edits.addLayer(model.graph(), new Dense(2), 20, 200));
            model.execute(Edits.connect(model.graph(), "input", "dense", 0));
            model.execute(Edits.connect(model.graph(), "dense", "dense_1", 0));
        });
        NetworkGraph before = model.graph();
        robot.drag("#out-dense_1").dropTo("#node-dense");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, model.graph(), "no loop was made");
        Label notice = robot.lookup("#canvas-notice").queryAs(Label.class);
        assertTrue(notice.isVisible());
        assertTrue(notice.getText().startsWith("Not connected: dense already feeds dense_1"), notice.getText());
    }

    @Test
    void theWindowCarriesLayerLabsIconAndThemesFromAssets(FxRobot robot) {
        Stage stage = (Stage) robot.lookup("#canvas").query().getScene().getWindow();
        assertEquals(3, stage.getIcons().size());
        assertTrue(stage.getIcons().stream().allMatch(i -> i.getWidth() >= 64 && !i.isError()));
        assertTrue(stage.getScene().getStylesheets().stream().allMatch(css -> css.contains("/assets/css/")));
    }

    @Test
    void anEmptyCanvasSaysWhatToDoAndF1ListsTheShortcuts(FxRobot robot) {
        assertTrue(robot.lookup("#canvas-empty-hint").query().isVisible());
        robot.interact(() -> model.execute(Edits.addLayer(model.graph(), Input.of(4), 20, 20)));
        assertFalse(robot.lookup("#canvas-empty-hint").query().isVisible());
        robot.clickOn("#canvas").type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#shortcuts-list").queryAs(ListView.class);
        assertTrue(list.getItems().stream().anyMatch(x -> x.toString().contains("Edit ▸ Undo")), list.getItems().toString());
        robot.clickOn("#shortcuts-filter").write("zoom");
        assertTrue(list.getItems().stream().allMatch(x -> x.toString().toLowerCase().contains("zoom")));
        assertTrue(list.getItems().size() >= 3, "zoom in, out and the wheel: " + list.getItems());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theProblemsCountOpensTheListAndARowSelectsItsLayer(FxRobot robot) {
        robot.interact(() -> {
            model.execute(Edits.addLayer(model.graph(), Input.of(4), 20, 20));
            model.execute(Edits.addLayer(model.graph(), new Dense(3), 280, 20));
        });
        robot.clickOn("#status-problems");
        WaitForAsyncUtils.waitForFxEvents();
        Label row = robot.lookup((Label l) -> l.getText() != null && l.getText().startsWith("Error: dense"))
                .queryAs(Label.class);
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("dense"), Set.copyOf(model.selection()));
    }

    @Test
    void panelsHideAndComeBackWithTheirShortcutsGivingTheCanvasTheRoom(FxRobot robot) {
        double before = robot.lookup("#canvas").query().getBoundsInLocal().getHeight();
        robot.clickOn("#canvas").press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#dashboard").tryQuery().isPresent(), "the dashboard is hidden");
        double taller = robot.lookup("#canvas").query().getBoundsInLocal().getHeight();
        assertTrue(taller > before * 1.5, before + " -> " + taller);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#dashboard").tryQuery().isPresent(), "back");
        assertFalse(robot.lookup("#palette").tryQuery().isPresent(), "the palette is hidden");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#palette").tryQuery().isPresent());
    }

    @Test
    void zoomToSelectionBringsTheSelectedLayerIntoView(FxRobot robot) {
        robot.interact(() -> {
            model.execute(Edits.addLayer(model.graph(), Input.of(4), 20, 20));
            model.execute(Edits.addLayer(model.graph(), new Dense(3), 3000, 2000));
            window.canvas().fitToView();
            model.select(List.of("dense"));
        });
        // The menu's shortcut (a click on the canvas would change the selection).
        robot.interact(() -> window.canvas().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.DIGIT0).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, window.canvas().zoomProperty().get(), 1e-9, "one layer fits at full size");
        Bounds canvas = robot.lookup("#canvas").query().localToScreen(robot.lookup("#canvas").query().getBoundsInLocal());
        Bounds dense = robot.lookup("#node-dense").query().localToScreen(robot.lookup("#node-dense").query().getBoundsInLocal());
        assertTrue(canvas.contains(dense), "the selected layer is on screen");
    }

    @Test
    void fitToViewShowsAWireThatLoopsBackUpIntoItsTarget(FxRobot robot) {
        // A layout wrapped into columns: the second column's first layer takes the first column's last.
        robot.interact(() -> {
            model.execute(Edits.addLayer(model.graph(), Input.of(4), 120, 700));
            model.execute(Edits.addLayer(model.graph(), new Dense(3), 400, 40));
            model.execute(Edits.connect(model.graph(), "input", "dense", 0));
        });
        robot.interact(() -> window.canvas().fitToView());
        WaitForAsyncUtils.waitForFxEvents();
        Node canvas = robot.lookup("#canvas").query();
        Node wire = robot.lookup("#edge-input-dense-0").query();
        Bounds view = canvas.localToScreen(canvas.getBoundsInLocal());
        Bounds curve = wire.localToScreen(wire.getBoundsInLocal());
        assertTrue(curve.getMinY() > view.getMinY() && curve.getMaxY() < view.getMaxY(),
                "the whole wire is on screen: " + curve + " in " + view);
    }
}
