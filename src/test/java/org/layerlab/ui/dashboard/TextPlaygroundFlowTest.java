package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.data.Tokenizer;
import org.layerlab.engine.Tensor;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.ui.FlowWindow;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The fortunes classifier in the Playground: typed text is tokenised as training's was, and answered as predict would. */
@ExtendWith(ApplicationExtension.class)
class TextPlaygroundFlowTest {
    @TempDir
    static Path dir;
    private Project trained;

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples/data/fortunes.csv"), dir.resolve("data/fortunes.csv"));
        Path file = dir.resolve("fortunes.layerlab");
        trained = ProjectSession.open(ProjectFiles.load(Path.of("samples/fortunes_text.layerlab")), dir)
                .train(1, List.of()).project();
        ProjectFiles.save(trained, file);
        trained = ProjectFiles.load(file);
        FlowWindow.show(stage, new EditorModel(trained, file));
    }

    @Test
    void typedTextIsTokenisedAndAnswered(FxRobot robot) throws Exception {
        DashboardView view = robot.lookup("#dashboard").queryAs(DashboardView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#tab-playground").tryQuery().isPresent());
        robot.clickOn("#tab-playground");
        TextPlaygroundView text = view.playground.text;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, text::isVisible);
        robot.interact(() -> text.text.setText("The computer crashed again, qwertyzzz"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, text.tokens.getChildren().size());
        Label unknown = (Label) text.tokens.getChildren().get(4);
        assertTrue(unknown.getStyleClass().contains("token-unknown"), unknown.getText());
        assertEquals("qwertyzzz 1", unknown.getText());

        ProjectSession s = ProjectSession.open(trained, dir);
        Tokenizer t = ((DatasetSource.Text) s.data().source().underlying()).tokenizer();
        int length = s.network().inputShape().size();
        float[] ids = new float[length];
        t.encode("The computer crashed again, qwertyzzz", length, ids, 0);
        float[] expected = s.network().predict(Tensor.wrap(ids, 1, length)).data();
        assertArrayEquals(java.util.Arrays.copyOf(expected, 3), text.bars.prediction().outputs(), 1e-5f);

        robot.interact(text.showSample::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(text.text.getText().isBlank());
        assertTrue(text.truth.getText().startsWith("true: "), text.truth.getText());
    }
}
