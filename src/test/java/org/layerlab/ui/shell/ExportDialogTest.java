package org.layerlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.Shape;
import org.layerlab.export.Exporters;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.training.TrainingConfig;
import org.layerlab.ui.common.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Export Model…: the format's objections before anything is written, and the file written on Export. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {
    @TempDir
    static Path dir;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        Scene scene = new Scene(new Pane(), 200, 100);
        // The window's dark theme: the dialog must follow it.
        scene.getStylesheets().setAll(getClass().getResource("/assets/css/base.css").toExternalForm(),
                getClass().getResource("/assets/css/dark.css").toExternalForm());
        s.setScene(scene);
        s.show();
    }

    @Test
    void exportWritesTheFileIntoTheChosenFolder(FxRobot robot) throws Exception {
        Project xor = ProjectFiles.load(Path.of("samples", "xor.layerlab"));
        ExportDialog[] dialog = new ExportDialog[1];
        robot.interact(() -> {
            dialog[0] = new ExportDialog(stage, xor, "xor", Path.of("samples"), Exporters.all(), dir.resolve("start"));
            dialog[0].show();
            robot.lookup("#export-format-onnx").queryAs(RadioButton.class).setSelected(true);
            robot.lookup("#export-folder").queryAs(TextField.class).setText(dir.resolve("models").toString());
        });
        String said = robot.lookup("#export-problems .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", String::concat);
        assertEquals("Writes " + dir.resolve("models").resolve("xor.onnx"), said);
        assertEquals(stage.getScene().getStylesheets(), dialog[0].getDialogPane().getStylesheets());
        robot.interact(() -> {
            try {
                Screenshots.write(dialog[0].getDialogPane().getScene(), Path.of("target", "export-dialog.png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        robot.clickOn("#export-ok");
        // The export runs in the background; the dialog closes with the file when it is written.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog[0].isShowing());
        assertEquals(dir.resolve("models").resolve("xor.onnx"), dialog[0].getResult());
        assertTrue(Files.size(dir.resolve("models").resolve("xor.onnx")) > 0);

        // The next export starts with the format used last.
        robot.interact(() -> {
            dialog[0] = new ExportDialog(stage, xor, "xor", Path.of("samples"), Exporters.all(), dir.resolve("again"));
            dialog[0].show();
            robot.lookup("#export-format-svg").queryAs(RadioButton.class).setSelected(true);
            robot.lookup("#export-folder").queryAs(TextField.class).setText(dir.resolve("drawings").toString());
        });
        robot.clickOn("#export-ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialog[0].isShowing());
        robot.interact(() -> {
            dialog[0] = new ExportDialog(stage, xor, "xor", Path.of("samples"), Exporters.all(), dir.resolve("third"));
            dialog[0].show();
        });
        assertTrue(robot.lookup("#export-format-svg").queryAs(RadioButton.class).isSelected());
        robot.interact(() -> dialog[0].close());
    }

    @Test
    void whatStopsTheExportIsSaidAndExportIsOff(FxRobot robot) {
        Project masked = new Project("masked", GraphAnalysisTest.chain(new Input(Shape.of(5)),
                new Embedding(50, 4, Initializer.ZEROS, true), new LSTM(3)),
                TrainingConfig.of(Loss.MSE, 1), null, null, null);
        ExportDialog[] dialog = new ExportDialog[1];
        robot.interact(() -> {
            dialog[0] = new ExportDialog(stage, masked, "masked", dir, Exporters.all(), dir.resolve("never"));
            dialog[0].show();
            robot.lookup("#export-format-onnx").queryAs(RadioButton.class).setSelected(true);
        });
        String said = robot.lookup("#export-problems .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", String::concat);
        assertTrue(said.contains("mask_zero"), said);
        assertTrue(robot.lookup("#export-ok").queryAs(Button.class).isDisabled());
        robot.interact(() -> dialog[0].close());
        assertFalse(Files.exists(dir.resolve("never")));
    }
}
