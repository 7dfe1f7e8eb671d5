package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.layers.Dropout;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.Metric;
import org.layerlab.ui.commands.Edits;
import org.layerlab.ui.commands.SettingsChange;
import org.layerlab.ui.model.EditorModel;
import org.layerlab.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Train the spirals sample in the window, watch it learn, save, and reopen with its history. */
@ExtendWith(ApplicationExtension.class)
class TrainingFlowTest {
    @TempDir
    static Path dir;
    private EditorModel model;
    private MainWindow window;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        file = dir.resolve("xor.layerlab");
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples", "data", "xor.csv"), dir.resolve("data/xor.csv"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("samples", "xor.layerlab"), file, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(dir.resolve("xor.weights"));
        model = new EditorModel(ProjectFiles.load(file), file);
        window = new MainWindow(stage, model);
        // TestFX shares one stage between test classes: a smaller one left by another class would stay.
        stage.setWidth(1280);
        stage.setHeight(760);
        stage.show();
    }

    private void setEpochs(FxRobot robot, int epochs) {
        robot.interact(() -> model.execute(new SettingsChange("Set epochs",
                model.project().training(), model.project().training().withEpochs(epochs))));
    }

    @Test
    void aSmallLearningRateReadsAsTypedInBothFields(FxRobot robot) {
        robot.interact(() -> model.execute(new SettingsChange("Set learning rate", model.project().training(),
                model.project().training().withOptimizer(org.layerlab.nn.optimizers.OptimizerSpec.of("adam", 2e-4)))));
        WaitForAsyncUtils.waitForFxEvents();
        // Double.toString wrote "2.0E-4" where epsilon beside it reads "1e-7".
        assertEquals("2e-4", robot.lookup("#train-rate-field").queryAs(TextField.class).getText());
        assertEquals("2e-4", robot.lookup("#param-learning_rate").queryAs(TextField.class).getText());
    }

    @Test
    void trainInTheWindowThenSaveAndReopen(FxRobot robot) throws Exception {
        robot.clickOn("#tab-boundary");
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.training().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#train-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Done"), status);
        assertTrue(status.contains("accuracy 1.00"), status);
        javafx.scene.text.Text shown = (javafx.scene.text.Text) robot.lookup("#train-status").queryAs(Label.class)
                .lookup(".text");
        assertEquals(status, shown.getText(), "the whole status shows in a 1280-pixel window, not cut off");
        Project trained = model.project();
        assertEquals(300, trained.history().size(), "the history is part of the project");
        assertTrue(model.isDirty(), "trained weights are unsaved changes");
        assertTrue(((DatasetSource.Csv) trained.dataset()).offset() != null,
                "the normalization predictions need is saved with a run from the window too");
        // The decision boundary separates the classes: the trained network gets all four rows right.
        Tensor p = ProjectSession.open(trained, dir).network()
                .predict(Tensor.wrap(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2));
        float[] expected = {0, 1, 1, 0};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], p.get(i) > 0.5f ? 1f : 0f);
        }
        robot.clickOn("#canvas");
        robot.press(KeyCode.CONTROL).type(KeyCode.S)
                .release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.isDirty());
        assertTrue(Files.exists(dir.resolve("xor.weights")));
        robot.interact(() -> model.open(App.emptyProject(), null));
        robot.interact(() -> window.open(file));
        assertEquals(300, model.project().history().size());
        assertTrue(model.project().isTrained());
        String reopened = robot.lookup("#train-status").queryAs(Label.class).getText();
        assertTrue(reopened.startsWith("Trained for 300 epochs"), reopened);
        // Health shows the saved weights, measured on one batch, without a run.
        robot.clickOn("#tab-health");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#health")
                .lookup((Label l) -> l.getText().startsWith("The saved weights after step 300")).tryQuery().isPresent());
        assertTrue(robot.lookup("#health").lookup((Label l) -> l.getText().equals("dense")).tryQuery().isPresent(),
                "a row per layer with weights");
        robot.interact(() -> model.open(App.emptyProject(), null));
        assertTrue(robot.lookup("#health").lookup((Label l) -> l.getText().startsWith("Layer health appears"))
                .tryQuery().isPresent(), "a new project starts from an empty Health tab");
    }

    @Test
    void aLossItsOptionsAndMetricsChosenInTheSettingsDriveTheRun(FxRobot robot) throws Exception {
        setEpochs(robot, 200);
        robot.interact(() -> robot.lookup("#param-loss").queryAs(ChoiceBox.class).setValue("binary_focal_crossentropy"));
        WaitForAsyncUtils.waitForFxEvents();
        TextField gamma = robot.lookup("#param-gamma").queryAs(TextField.class);
        assertEquals("2", gamma.getText(), "the Keras default");
        robot.doubleClickOn(gamma).write("1.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, model.project().training().loss().option("gamma"));
        robot.interact(() -> {
            CheckComboBox<?> metrics = robot.lookup("#param-metrics").queryAs(CheckComboBox.class);
            metrics.getCheckModel().check(metrics.getItems().indexOf(Metric.AUC));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(Metric.ACCURACY, Metric.AUC), model.project().training().metrics());
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.training().isRunning() && model.project().isTrained());
        EpochEvent last = model.project().history().get(model.project().history().size() - 1);
        assertTrue(last.metrics().containsKey("auc"), last.metrics().toString());
        assertTrue(last.get("accuracy") > 0.99, "XOR learned under the focal loss: " + last.metrics());
    }

    @Test
    void openingAnotherProjectStopsTheRunAndStartsFromACleanDashboard(FxRobot robot) throws Exception {
        setEpochs(robot, 100_000_000);
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#train-status").queryAs(Label.class)
                .getText().startsWith("Batch "));
        Project empty = App.emptyProject();
        robot.interact(() -> model.open(empty, null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.training().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Ready to train.", robot.lookup("#train-status").queryAs(Label.class).getText());
        assertEquals("", robot.lookup("#train-progress-caption").queryAs(Label.class).getText());
        assertSame(empty, model.project(), "the stopped run's weights and history went nowhere");
        assertFalse(model.isDirty());
    }

    @Test
    void stopKeepsTheWeightsSoFar(FxRobot robot) throws Exception {
        setEpochs(robot, 100_000_000);
        robot.clickOn("#train-start");
        // The bar's caption names the epoch and the time left; the line beside it the batch.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#train-progress-caption").queryAs(Label.class)
                .getText().matches("Epoch \\d+/100000000 · .* left"));
        assertTrue(robot.lookup("#train-status").queryAs(Label.class).getText().startsWith("Batch "));
        robot.clickOn("#train-pause");
        robot.clickOn("#train-resume");
        robot.clickOn("#train-stop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.training().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#train-status").queryAs(Label.class).getText().startsWith("Stopped"));
        assertTrue(model.project().isTrained());
    }

    @Test
    void optimizerSettingsChangedWhilePausedApplyToTheRunGoingOn(FxRobot robot) throws Exception {
        setEpochs(robot, 100_000_000);
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#train-status").queryAs(Label.class)
                .getText().startsWith("Batch "));
        robot.clickOn("#train-pause");
        @SuppressWarnings("unchecked")
        ChoiceBox<String> kind = robot.lookup("#param-optimizer").queryAs(ChoiceBox.class);
        robot.interact(() -> kind.setValue("sgd"));
        String switched = robot.lookup("#train-status").queryAs(Label.class).getText();
        assertEquals("Optimizer adam → sgd (fresh state) from the next batch (marked on the charts).", switched);
        // The inspector now offers SGD's own options.
        robot.clickOn("#param-momentum").push(KeyCode.CONTROL, KeyCode.A).write("0.9").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.9, model.project().training().optimizer().option("momentum"));
        assertEquals("Momentum 0.9 from the next batch (marked on the charts).",
                robot.lookup("#train-status").queryAs(Label.class).getText());
        // Epochs belong to the next run.
        setEpochs(robot, 500_000);
        assertTrue(robot.lookup("#train-status").queryAs(Label.class).getText().startsWith("Changed settings apply to the next run"));
        // Moving a layer changes nothing the run trains; adding one is for the next run, and the window says so.
        robot.interact(() -> model.execute(Edits.move(model.graph(), Map.of("dense", new double[] {5, 5}))));
        assertTrue(robot.lookup("#train-status").queryAs(Label.class).getText().startsWith("Changed settings apply"));
        robot.interact(() -> model.execute(Edits.addAfter(model.graph(), "dense",
                new Dropout(0.1))));
        assertEquals("This run trains the network as it was when it started; the edit applies to the next run.",
                robot.lookup("#train-status").queryAs(Label.class).getText());
        robot.clickOn("#train-resume");
        robot.clickOn("#train-stop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.training().isRunning());
    }

    @Test
    void aRegressionRunPlotsItsMeanAbsoluteErrorInTheSecondTab(FxRobot robot) throws Exception {
        Path square = dir.resolve("square.layerlab");
        Files.copy(Path.of("samples", "data", "square.csv"), dir.resolve("data/square.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("samples", "square.layerlab"), square, StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> window.open(square));
        setEpochs(robot, 3);
        Tab tab = robot.lookup("#dashboard-tabs").queryAs(TabPane.class)
                .getTabs().stream().filter(t -> "tab-accuracy".equals(t.getId())).findFirst().orElseThrow();
        assertEquals("MAE", tab.getText(), "a regression's second chart is its error, named as such");
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.training().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, model.project().history().size());
        assertTrue(model.project().history().get(2).metrics().containsKey("mae"));
        robot.interact(() -> model.open(App.emptyProject(), null));
        robot.interact(() -> window.open(file));
        assertEquals("Accuracy", tab.getText(), "a classification's is its accuracy");
    }

    @Test
    void aRunTooLargeForTheHeapIsRefusedWithWhatToChange(FxRobot robot) throws Exception {
        // 50 million samples a batch: gigabytes of activations, more than the tests' 2 GB heap.
        robot.interact(() -> model.execute(new SettingsChange("Set batch size",
                model.project().training(), model.project().training().withBatchSize(50_000_000))));
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#train-status").queryAs(Label.class)
                .getText().startsWith("Training needs about"));
        String message = robot.lookup("#train-status").queryAs(Label.class).getText();
        assertTrue(message.contains("at batch 50000000") && message.contains("-Xmx"), message);
        assertFalse(window.training().isRunning());
        assertFalse(model.project().isTrained());
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        assertTrue(status.getStyleClass().contains("error-text"));
        // The next message is not an error: it does not keep the failure's colour or tooltip.
        robot.clickOn("#train-reset");
        assertEquals("Weights reset: the next run starts fresh from the seed.", status.getText());
        assertFalse(status.getStyleClass().contains("error-text"));
        assertEquals(null, status.getTooltip());
    }
}
