package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.data.Tokenizer;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.TrainingConfig;
import org.layerlab.ui.FlowWindow;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A trained next-character model reopened: its samples show at once, and Write continues the user's seed. */
@ExtendWith(ApplicationExtension.class)
class SamplesTabTest {
    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/hello.txt"), "hello world. ".repeat(80));
        DatasetSource.Corpus corpus = new DatasetSource.Corpus("data/hello.txt", Tokenizer.Level.CHARACTERS, false, 20, 6,
                1, 0.2, null);
        Project p = new Project("hello", GraphAnalysisTest.chain(Input.of(6), new Embedding(11, 8), new LSTM(24),
                new Dense(11, "softmax")), TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 25).withBatchSize(16)
                .withOptimizer(OptimizerSpec.of("adam", 0.02)), corpus, List.of(), null);
        Path file = dir.resolve("hello.layerlab");
        ProjectFiles.save(ProjectSession.open(p, dir).train(25, List.of()).project(), file);
        EditorModel model = new EditorModel(ProjectFiles.load(file), file);
        FlowWindow.show(stage, model);
    }

    @Test
    void reopenedSamplesShowAndWriteContinuesTheSeed(FxRobot robot) throws Exception {
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.textSamples.last() != null);
        robot.clickOn("#tab-samples");
        assertTrue(view.textSamples.last().epoch() == 25, "the saved network's samples, at once");
        robot.interact(() -> {
            robot.lookup("#samples-seed").queryAs(TextField.class).setText("hello w");
            robot.lookup("#samples-temperature").queryAs(javafx.scene.control.Slider.class).setValue(0.2);
        });
        robot.clickOn("#samples-write");
        Label written = robot.lookup("#samples-written").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> written.getText().startsWith("“hello w” → "));
        String text = written.getText();
        assertTrue(text.contains("orld. hello"), "a cool temperature writes what it learned: " + text);
    }
}
