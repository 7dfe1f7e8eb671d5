package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.ui.model.EditorModel;
import org.layerlab.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sunspot sample in the window: a Forecast tab that shows the series, then each epoch's forecast of the test years. */
@ExtendWith(ApplicationExtension.class)
class ForecastFlowTest {
    @TempDir
    static Path dir;
    private EditorModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        for (String f : new String[] {"data/sunspots.csv", "data/xor.csv", "sunspots_lstm.layerlab", "xor.layerlab"}) {
            Files.copy(Path.of("samples", f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Path file = dir.resolve("sunspots_lstm.layerlab");
        model = new EditorModel(ProjectFiles.load(file), file);
        window = new MainWindow(stage, model);
        // TestFX shares one stage between test classes: a smaller one left by another class would stay.
        stage.setWidth(1280);
        stage.setHeight(760);
        stage.show();
    }

    private static boolean hasTab(FxRobot robot, String id) {
        return robot.lookup("#dashboard-tabs").queryAs(TabPane.class).getTabs().stream().anyMatch(t -> id.equals(t.getId()));
    }

    @Test
    void forecastTabFollowsTheRunAndLeavesWithTheTimeSeries(FxRobot robot) throws Exception {
        assertTrue(window.canvas() != null);
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, view.forecast::hasData);
        assertTrue(hasTab(robot, "tab-forecast"));
        assertFalse(hasTab(robot, "tab-boundary"), "no decision regions over 20 inputs");
        assertFalse(hasTab(robot, "tab-confusion"), "no classes to confuse");
        assertFalse(hasTab(robot, "tab-attention"), "no attention layer");
        assertTrue(hasTab(robot, "tab-states"), "an LSTM's states");
        robot.clickOn("#tab-forecast");
        assertTrue(view.forecast.truth().size() == 309, "the whole series shows before any training");
        assertEquals(0, view.forecast.forecast().size());
        double persistence = view.forecast.persistenceError();
        assertEquals(22.5, persistence, 0.1, "next year as this year, over the last 46 years");
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.training().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(46, view.forecast.forecast().size(), "one forecast per held-out year");
        assertEquals(20, view.states.snapshot().layers().get(0).steps(), "the states of the last epoch, 20 years");
        double mae = view.forecast.meanAbsoluteError();
        assertTrue(mae < 0.8 * persistence, "forecast MAE " + mae + " vs persistence " + persistence);
        // The trained forecaster is an unsaved change: leave it without the question Open would ask.
        Project xor = ProjectFiles.load(dir.resolve("xor.layerlab"));
        robot.interact(() -> model.open(xor, dir.resolve("xor.layerlab")));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hasTab(robot, "tab-forecast"), "no Forecast tab for data that is not a time series");
        assertTrue(hasTab(robot, "tab-boundary") && hasTab(robot, "tab-confusion"), "two features, two classes");
        assertFalse(hasTab(robot, "tab-states"), "no recurrent layer");
        assertFalse(view.forecast.hasData(), "nor the last project's series kept");
    }
}
