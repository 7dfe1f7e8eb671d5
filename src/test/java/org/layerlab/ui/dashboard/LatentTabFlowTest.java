package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.Project;
import org.layerlab.project.SampleData;
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
 * The fashion VAE reopened after training: its latent map shows, the walk follows the chosen
 * images, and during a run the walk's caption says it decodes with the saved weights.
 */
@ExtendWith(ApplicationExtension.class)
class LatentTabFlowTest {
    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) throws Exception {
        SampleData.copyFashionSubset(dir);
        Path file = dir.resolve("vae.layerlab");
        Project trained = ProjectSession.open(ProjectFiles.load(Path.of("samples/fashion_vae.layerlab")), dir)
                .train(1, List.of()).project();
        ProjectFiles.save(trained, file);
        FlowWindow.show(stage, new EditorModel(ProjectFiles.load(file), file));
    }

    @Test
    void theMapOfTheSavedWeightsAndAWalkBetweenChosenImages(FxRobot robot) throws Exception {
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#tab-latent").tryQuery().isPresent());
        robot.clickOn("#tab-latent");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.latent.snapshot() != null);
        LatentTab tab = view.latentTab;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tab.strip.grid() != null);
        String before = tab.strip.caption();
        robot.interact(() -> tab.to.getValueFactory().setValue(9));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(tab.strip.grid());
        assertTrue(tab.strip.caption().startsWith("test image 1 → 9"), before + " / " + tab.strip.caption());
        robot.interact(() -> {
            try {
                Screenshots.writeImage(view.snapshot(null, null), Path.of("target", "latent-walk.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertFalse(tab.strip.caption().contains("run"), tab.strip.caption());
        robot.clickOn("#train-start");
        robot.clickOn("#tab-latent");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> tab.strip.caption().contains("saved weights until the run ends"));
        robot.clickOn("#train-stop");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !tab.strip.caption().contains("run"));
        assertTrue(tab.strip.caption().startsWith("test image 1 → 9"), tab.strip.caption());
    }
}
