package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.project.ProjectFiles;
import org.layerlab.ui.commands.SettingsChange;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With the live views off the run goes on and the charts stand still; on again, they catch up with every point. */
@ExtendWith(ApplicationExtension.class)
class LiveViewsTest {
    private EditorModel model;
    private DashboardView view;
    private TrainingController controller;

    @Start
    void start(Stage stage) throws Exception {
        Path file = Path.of("samples", "xor.layerlab");
        model = new EditorModel(ProjectFiles.load(file), file);
        view = new DashboardView();
        controller = new TrainingController(model, view);
        stage.setScene(new Scene(view, 900, 400));
        stage.show();
    }

    @Test
    void offTheChartsStandStillWhileTheRunGoesOnAndOnAgainTheyHaveEveryStep(FxRobot robot) throws Exception {
        // A run that outlasts the test: a million xor epochs ended after 6 s with the views on (and
        // sooner off), and the views draw again when a run ends, which failed this test now and then.
        robot.interact(() -> model.execute(new SettingsChange("Set epochs", model.project().training(),
                model.project().training().withEpochs(100_000_000))));
        robot.interact(view.train::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.status.getText().startsWith("Batch "));

        robot.interact(() -> view.live.setSelected(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.status.getText().endsWith(" · views paused"));
        assertEquals("Live views are off: tick them to draw the run.", view.loss.emptyText(),
                "an empty chart says why it stands still, not to press Train");
        int[] before = pixels(robot);
        int pointsBefore = view.curves.batchLoss.size();
        Thread.sleep(1_500);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.curves.batchLoss.size() > pointsBefore);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Arrays.equals(before, pixels(robot)), "the loss chart is not redrawn while the views are off");

        robot.interact(() -> view.live.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Arrays.equals(before, pixels(robot)), "on again, the chart shows the steps trained meanwhile");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.status.getText().endsWith(" · views paused"));
        assertEquals(PlotView.NO_DATA, view.accuracy.emptyText());

        robot.interact(view.stop::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !controller.isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        int n = view.curves.batchLoss.size();
        assertTrue(n > pointsBefore);
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, view.curves.batchLoss.x(i), "step " + (i + 1) + " is on the curve");
        }
    }

    private int[] pixels(FxRobot robot) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(view.loss.image()));
        int w = (int) image.get().getWidth();
        int h = (int) image.get().getHeight();
        int[] argb = new int[w * h];
        image.get().getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }
}
