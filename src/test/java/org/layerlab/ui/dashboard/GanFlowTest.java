package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.SmallGan;
import org.layerlab.ui.FlowWindow;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A GAN trained in the window: its grid grows an epoch at a time, its two losses and D's two accuracies plot. */
@ExtendWith(ApplicationExtension.class)
class GanFlowTest {
    @TempDir
    static Path dir;
    private EditorModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path file = SmallGan.saveInto(dir, 2);
        model = new EditorModel(ProjectFiles.load(file), file);
        FlowWindow.show(stage, model);
    }

    @Test
    void trainingShowsTheGeneratedGridAndBothSidesCurves(FxRobot robot) throws Exception {
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        assertTrue(view.showsTab("tab-generated"));
        // Noise in, a judgement out: nothing to draw, no classes of the data's to confuse.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.train.isDisabled());
        assertFalse(view.showsTab("tab-playground"));
        assertFalse(view.showsTab("tab-math"));
        robot.clickOn("#tab-generated");
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.project().history().size() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.generated.keptEpochs() == 2);
        assertNotNull(view.generated.shownGrid());
        assertEquals(8 * 29 - 1, view.generated.shownGrid().width());
        assertFalse(view.showsTab("tab-confusion"));
        assertEquals("d_real_acc", view.curves.metric()); // the second chart: D's accuracy on real images
        assertTrue(view.curves.generatorLoss.size() > 0, "the generator's loss per batch");
        assertTrue(view.curves.fakeMetric.size() > 0, "D's accuracy on generated images per batch");
        assertEquals("discriminator (batch)", view.curves.batchLoss.name);

        // Another document: nothing of the GAN's stays on screen.
        Project xor = ProjectFiles.load(Path.of("samples/xor.layerlab"));
        robot.interact(() -> model.open(xor, dir.resolve("xor.layerlab")));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.showsTab("tab-generated"));
        assertEquals(0, view.generated.keptEpochs(), "the last document's grids");
        assertEquals(0, view.curves.generatorLoss.size(), "the last document's generator curve");
        assertEquals("train loss (per batch)", view.curves.batchLoss.name);
        assertEquals("accuracy", view.curves.metric());
    }
}
