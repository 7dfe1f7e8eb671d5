package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.ui.FlowWindow;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Math tab on trained iris: forward, backward and Adam's update typeset; a layer chosen on the canvas is explained. */
@ExtendWith(ApplicationExtension.class)
class MathTabFlowTest {
    @TempDir
    static Path dir;
    private EditorModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path here = Files.createTempDirectory(dir, "test");
        Files.createDirectories(here.resolve("data"));
        Files.copy(Path.of("samples/data/iris.csv"), here.resolve("data/iris.csv"));
        Path file = here.resolve("iris.layerlab");
        Project trained = ProjectSession.open(ProjectFiles.load(Path.of("samples/iris.layerlab")), here)
                .train(5, List.of()).project();
        // Epochs enough that the window's run is still going when the test pauses it (iris trains a thousand steps in ms).
        ProjectFiles.save(trained.withTraining(trained.training().withEpochs(100_000_000)), file);
        model = new EditorModel(ProjectFiles.load(file), file);
        FlowWindow.show(stage, model);
    }

    @Test
    void theFormulasOfTheChosenLayerAreTypesetWithItsNumbers(FxRobot robot) throws Exception {
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#tab-math").tryQuery().isPresent());
        robot.clickOn("#tab-math");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.math.shown.isEmpty());
        List<MathFormulas.Section> s = view.math.shown;
        assertEquals(3, s.size());
        assertTrue(s.get(0).title().startsWith("Forward: unit"), s.get(0).title());
        assertTrue(s.get(1).tex().contains("\\mathrm{relu}'"), s.get(1).tex());
        assertTrue(s.get(2).title().startsWith("Update: Adam, step "), s.get(2).title());
        assertTrue(robot.lookup(".math-title").queryAll().size() == 3);
        assertTrue(view.math.sections.lookupAll(".image-view").stream().allMatch(n -> ((ImageView) n).getImage().getWidth() > 20));
        // In a 1280-pixel window the bar's labels and the sample's caption show whole (a row squeezed them to "l...").
        javafx.scene.Node bar = ((javafx.scene.layout.BorderPane) view.math.content()).getTop();
        for (javafx.scene.Node n : bar.lookupAll(".label")) {
            javafx.scene.control.Label l = (javafx.scene.control.Label) n;
            javafx.scene.text.Text t = (javafx.scene.text.Text) l.lookup(".text");
            assertEquals(l.getText(), t == null ? l.getText() : t.getText(), "cut off");
        }
        assertFalse(view.math.status.getText().isEmpty(), "the sample's caption");

        // The output layer, chosen on the canvas: δ = ŷ − y.
        robot.interact(() -> model.select(List.of("dense_1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("dense_1", view.math.layer.getValue());
        assertTrue(view.math.shown.get(1).tex().contains("\\hat{y}"), view.math.shown.get(1).tex());

        // A run, paused and stepped one batch at a time: the shown weight's steps appear, the newest as a formula.
        robot.interact(() -> view.math.layer.setValue("dense"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(view.train::fire);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.pause.isDisabled());
        robot.interact(view.pause::fire);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.math.step.isDisabled());
        robot.interact(view.math.step::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.math.steps.isVisible()
                && view.math.steps.getChildren().size() == 3);
        robot.interact(view.math.step::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.math.steps.getChildren().get(2) instanceof ImageView iv
                && iv.getImage() != null);
        robot.interact(view.stop::fire);

        // Another document: the last one's traced steps do not stay on screen.
        Project other = ProjectFiles.load(Path.of("samples/xor.layerlab"));
        robot.interact(() -> model.open(other, null));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.math.steps.isVisible());
    }
}
