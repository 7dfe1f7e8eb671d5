package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.ui.FlowWindow;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Runs tab: two runs of XOR listed, compared, renamed, restored and deleted, each undoable. */
@ExtendWith(ApplicationExtension.class)
class RunsTabFlowTest {
    @TempDir
    static Path dir;
    private EditorModel model;
    private Project first;

    @Start
    void start(Stage stage) throws Exception {
        // A folder per test: the static one is shared, and each test saves its own runs.
        Path dir = Files.createTempDirectory(RunsTabFlowTest.dir, "test");
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples/data/xor.csv"), dir.resolve("data/xor.csv"));
        Path file = dir.resolve("xor.layerlab");
        first = ProjectSession.open(ProjectFiles.load(Path.of("samples/xor.layerlab")), dir).train(5, List.of()).project();
        Project p = first.withTraining(first.training().withOptimizer(OptimizerSpec.of("adam", 0.01)));
        Project second = ProjectSession.open(p, dir).train(3, List.of()).project();
        ProjectFiles.save(second, file);
        model = new EditorModel(ProjectFiles.load(file), file);
        FlowWindow.show(stage, model);
    }

    @Test
    void runsAreComparedRenamedRestoredAndDeleted(FxRobot robot) throws Exception {
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        robot.clickOn("#tab-runs");
        RunsView runs = view.runs.view;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.table.getItems().size() == 2);
        // Both runs are on the chart, and two chosen runs say what differs.
        assertEquals(2, runs.table.getSelectionModel().getSelectedItems().size());
        assertTrue(runs.diff.getText().contains("learning_rate 0.05 → 0.01"), runs.diff.getText());
        assertEquals("r2 ●", runs.table.getColumns().get(0).getCellData(1));
        assertEquals("2 runs · ● in the editor", runs.status.getText());
        javafx.scene.text.Text shown = (javafx.scene.text.Text) runs.status.lookup(".text");
        assertEquals(runs.status.getText(), shown.getText(), "the whole count and legend show at 1280 px");
        assertEquals(List.of("epochs", "learning_rate"), runs.table.getItems().get(1).changed());
        // Side by side.
        assertTrue(runs.compare.isVisible());
        robot.clickOn("#runs-compare-link");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<RunCompareDialog.Line> compared = robot.lookup("#runs-compare").queryAs(TableView.class);
        assertEquals(new RunCompareDialog.Line("learning_rate", "0.05", "0.01"), compared.getItems().get(1));
        assertTrue(compared.getItems().stream().anyMatch(l -> l.what().equals("started from") && l.b().equals("r1 at epoch 5")),
                compared.getItems().toString());
        robot.interact(() -> ((Stage) compared.getScene().getWindow()).close());

        // Rename in place.
        robot.doubleClickOn("Run 1");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("baseline").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("baseline", model.project().runs().find("r1").orElseThrow().name());
        assertEquals("Rename run r1", model.undoLabel().replace("Undo ", ""));

        // Restore r1: its weights and curve in the editor, Train would branch from it.
        robot.interact(() -> runs.table.getSelectionModel().clearAndSelect(0));
        assertFalse(runs.restore.isDisabled());
        robot.clickOn("#runs-restore");
        WaitForAsyncUtils.waitForFxEvents();
        Project restored = model.project();
        assertEquals("r1", restored.runs().head());
        assertEquals(5, restored.history().size());
        assertArrayEquals(first.weights().snapshotValues().get("dense/kernel"),
                restored.weights().snapshotValues().get("dense/kernel"));
        assertEquals(0.05, restored.training().optimizer().schedule().initial(), 1e-12);
        robot.interact(model::undo);
        assertEquals("r2", model.project().runs().head());
        assertEquals(8, model.project().history().size());

        // Delete r2, then undo.
        robot.interact(() -> runs.table.getSelectionModel().clearAndSelect(1));
        robot.clickOn("#runs-delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, runs.table.getItems().size());
        robot.interact(model::undo);
        assertEquals(2, runs.table.getItems().size());
        assertEquals("r2", model.project().runs().head());
    }

    @Test
    void aSweepFromTheWindowAddsItsTrialsAndTheSettingsChartFiltersThem(FxRobot robot) throws Exception {
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        robot.clickOn("#tab-runs");
        RunsTab tab = view.runs;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tab.view.table.getItems().size() == 2);

        // The editor: a mistyped setting is named, and Start stays off.
        SweepDialog[] d = new SweepDialog[1];
        robot.interact(() -> d[0] = new SweepDialog(null, model.project(), List.of("loss", "accuracy"), "loss"));
        assertTrue(d[0].summary.getText().startsWith("4 trials × 300 epochs"), d[0].summary.getText());
        robot.interact(() -> d[0].rows().get(0).key().getEditor().setText("dense.neurons"));
        assertTrue(d[0].summary.getText().contains("no setting 'dense.neurons'"), d[0].summary.getText());
        robot.interact(() -> {
            d[0].rows().get(0).key().getEditor().setText("dense.units");
            d[0].rows().get(0).values().setText("2,4,8");
            d[0].epochs.getValueFactory().setValue(20);
        });
        assertTrue(d[0].summary.getText().startsWith("3 trials × 20 epochs"), d[0].summary.getText());

        robot.interact(() -> tab.sweeps.start(d[0].sweep()));
        tab.sweeps.job().join(60_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, tab.view.table.getItems().size());
        assertTrue(tab.view.diff.getText().startsWith("Sweep done: 3 of 3 trials"), tab.view.diff.getText());
        assertEquals("r2", model.project().runs().head(), "trials leave the editor's weights alone");
        assertEquals("Sweep 1 · 3/3", model.project().runs().find("r5").orElseThrow().name());

        // The settings chart: brushing the units axis chooses the runs in its range.
        robot.interact(() -> tab.view.show.setValue("settings"));
        ParallelModel pm = tab.view.parallelModel;
        assertEquals("dense.units", pm.axes().get(0).key);
        robot.interact(() -> {
            pm.filter(0, 0.9, 1.0);
            tab.chooseFiltered();
        });
        assertEquals(List.of("r5"), pm.passing());
        assertEquals(List.of("r5"), tab.view.table.getSelectionModel().getSelectedItems().stream()
                .map(r -> r.run().id()).toList());
    }
}
