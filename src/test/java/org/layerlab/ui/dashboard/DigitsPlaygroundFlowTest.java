package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.ui.common.Screenshots;
import org.layerlab.ui.FlowWindow;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The digits sample is a table of 64 pixel columns that its network reshapes to 8 × 8: the
 * Playground draws it as an image, and a test image's answer is predict's for that row.
 */
@ExtendWith(ApplicationExtension.class)
class DigitsPlaygroundFlowTest {
    @TempDir
    static Path dir;
    private Project trained;

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples/data/digits_8x8.csv"), dir.resolve("data/digits_8x8.csv"));
        Path file = dir.resolve("digits.layerlab");
        trained = ProjectSession.open(ProjectFiles.load(Path.of("samples/digits_cnn.layerlab")), dir).train(10, List.of())
                .project();
        ProjectFiles.save(trained, file);
        trained = ProjectFiles.load(file);
        FlowWindow.show(stage, new EditorModel(trained, file));
    }

    @Test
    void aDigitIsDrawnAndATestImageGetsPredictsAnswer(FxRobot robot) throws Exception {
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#tab-playground").tryQuery().isPresent());
        robot.clickOn("#tab-playground");
        PlaygroundBars bars = view.playground.view.bars;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> bars.prediction() != null);
        assertTrue(view.playground.view.isVisible(), "the drawing pad, not sliders");

        robot.clickOn("#playground-show-sample");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#playground-truth").queryAs(Label.class).getText().startsWith("true: "));
        ProjectSession session = ProjectSession.open(trained, dir);
        float[] expected = session.network().predict(PlaygroundView.row(session.data().test(), 0)).data();
        assertArrayEquals(expected, bars.prediction().outputs(), 1e-5f);

        robot.clickOn("#playground-clear");
        float[] blank = bars.prediction().outputs().clone();
        Node pad = robot.lookup("#playground-pad").query();
        Bounds b = pad.localToScreen(pad.getBoundsInLocal());
        // A one: a stroke down the middle.
        robot.moveTo(b.getMinX() + b.getWidth() / 2, b.getMinY() + 12).press(MouseButton.PRIMARY)
                .moveTo(b.getMinX() + b.getWidth() / 2, b.getMaxY() - 12).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        float[] drawn = bars.prediction().outputs();
        boolean changed = false;
        for (int i = 0; i < drawn.length; i++) {
            changed |= Math.abs(drawn[i] - blank[i]) > 1e-4;
        }
        assertTrue(changed, "the stroke reaches the network");
        robot.interact(() -> {
            try {
                Screenshots.writeImage(view.snapshot(null, null), Path.of("target", "playground-digits.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
