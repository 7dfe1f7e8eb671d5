package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.DatasetSource;
import org.layerlab.ui.data.DatasetDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.layerlab.ui.common.Screenshots;

/** The data dialog on a messy CSV from outside the project: preview, problems, and the copy into data/. */
@ExtendWith(ApplicationExtension.class)
class DatasetDialogTest {
    @TempDir
    static Path dir;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 200, 100));
        s.show();
    }

    @Test
    void csvFromElsewhereIsPreviewedExplainedAndCopiedIn(FxRobot robot) throws Exception {
        Path outside = Files.createDirectories(dir.resolve("downloads")).resolve("people.csv");
        Files.writeString(outside, "\uFEFFage;height;colour;label\n31;1,7;red;yes\n42;;blue;no\n25;1,6;red;yes\n");
        Path project = Files.createDirectories(dir.resolve("project"));
        DatasetDialog[] dialog = new DatasetDialog[1];
        robot.interact(() -> {
            dialog[0] = new DatasetDialog(stage, project, null);
            dialog[0].show();
            dialog[0].openCsv(outside);
        });
        String text = robot.lookup(".warning-text").queryAll().stream().map(n -> ((Label) n).getText())
                .reduce("", (a, b) -> a + "\n" + b);
        assertTrue(!text.contains("'colour'"), "a category column is an input, not a problem: " + text);
        assertTrue(text.contains("Column 'height' has 1 missing or unreadable value(s): those rows are dropped"), text);
        robot.interact(() -> robot.lookup("#csv-missing").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(org.layerlab.data.FeatureEncoder.Missing.FILL));
        String filled = robot.lookup(".warning-text").queryAll().stream().map(n -> ((Label) n).getText())
                .reduce("", (a, b) -> a + "\n" + b);
        assertTrue(filled.contains("Column 'height' has 1 missing or unreadable value(s): filled with the column's mean"), filled);
        String inputs = robot.lookup(".label").queryAll().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).filter(t -> t.contains("network input")).findFirst().orElse("");
        assertTrue(inputs.contains("network input: 4 values per row"), "age, height, colour=blue, colour=red: " + inputs);
        Path png = Path.of("target", "dataset-dialog.png");
        robot.interact(() -> {
            try {
                Screenshots.write(dialog[0].getDialogPane().getScene(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.clickOn("OK");
        DatasetSource.Csv result = (DatasetSource.Csv) dialog[0].getResult();
        assertEquals("data/people.csv", result.path());
        assertEquals("label", result.target());
        assertTrue(Files.exists(project.resolve("data/people.csv")), "the file was copied into the project");
        assertEquals(java.util.List.of(), result.ignore(), "every column is used");
        assertEquals(org.layerlab.data.FeatureEncoder.Missing.FILL, result.missing(), "gaps are filled, as chosen");

        // The whole path: CSV -> project -> train -> save -> reopen.
        org.layerlab.project.Project p = new org.layerlab.project.Project("people",
                org.layerlab.nn.graph.GraphAnalysisTest.chain(org.layerlab.nn.layers.Input.of(4),
                        new org.layerlab.nn.layers.Dense(4, "relu"), new org.layerlab.nn.layers.Dense(1, "sigmoid")),
                org.layerlab.training.TrainingConfig.of(org.layerlab.nn.Loss.BINARY_CROSSENTROPY, 5).withBatchSize(2),
                result, java.util.List.of(), null);
        org.layerlab.project.ProjectSession session = org.layerlab.project.ProjectSession.open(p, project);
        assertTrue(session.errors().isEmpty(), session.errors().toString());
        assertEquals(3, session.data().train().size() + (session.data().test() == null ? 0 : session.data().test().size()),
                "the row with a gap is kept, filled");
        assertEquals(java.util.List.of("age", "height", "colour=blue", "colour=red"), session.data().train().featureNames());
        org.layerlab.project.Project trained = session.train(5, java.util.List.of()).project();
        Path file = project.resolve("people.layerlab");
        org.layerlab.project.ProjectFiles.save(trained, file);
        org.layerlab.project.Project back = org.layerlab.project.ProjectFiles.load(file);
        assertEquals(5, back.history().size());
        assertEquals(org.layerlab.data.FeatureEncoder.Missing.FILL, ((DatasetSource.Csv) back.dataset()).missing());

        // Opening the dialog on the saved source shows its file and choices; OK gives the same source back.
        DatasetSource.Csv saved = ((DatasetSource.Csv) back.dataset()).withStatistics(null, null);
        robot.interact(() -> {
            dialog[0] = new DatasetDialog(stage, project, saved);
            dialog[0].show();
        });
        robot.clickOn("OK");
        assertEquals(saved, dialog[0].getResult());
    }

    @Test
    @SuppressWarnings("unchecked")
    void idxImagesArePreviewedWithAugmentationAndKeepIt(FxRobot robot) throws Exception {
        Path samples = Path.of("samples").toAbsolutePath();
        DatasetSource.Idx current = (DatasetSource.Idx) org.layerlab.project.ProjectFiles.load(samples.resolve("fashion_cnn.layerlab"))
                .dataset();
        DatasetDialog[] dialog = new DatasetDialog[1];
        robot.interact(() -> {
            dialog[0] = new DatasetDialog(stage, samples, current);
            dialog[0].show();
        });
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(".label")
                .queryAll().stream().anyMatch(n -> ((Label) n).getText().startsWith("6,000 training images")));
        // The image-folder tab has the same controls; setting both is harmless and keeps the lookup simple.
        robot.interact(() -> {
            robot.lookup("#augment-flip").queryAllAs(javafx.scene.control.CheckBox.class).forEach(b -> b.setSelected(true));
            robot.lookup("#augment-shift").queryAllAs(javafx.scene.control.Spinner.class)
                    .forEach(b -> ((javafx.scene.control.Spinner<Integer>) b).getValueFactory().setValue(2));
            robot.lookup("#augment-rotate").queryAllAs(javafx.scene.control.Spinner.class)
                    .forEach(b -> ((javafx.scene.control.Spinner<Integer>) b).getValueFactory().setValue(10));
        });
        assertTrue(robot.lookup(".hint-text").queryAll().stream().anyMatch(n -> ((Label) n).getText()
                .contains("flip, shift ±2 px, rotate ±10°")), "the preview says what training will do");
        robot.interact(() -> {
            try {
                Screenshots.write(dialog[0].getDialogPane().getScene(), Path.of("target", "dataset-dialog-idx.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.clickOn("OK");
        DatasetSource.Idx result = (DatasetSource.Idx) dialog[0].getResult();
        assertEquals(current.trainImages(), result.trainImages());
        assertEquals(current.testLabels(), result.testLabels());
        assertEquals(new org.layerlab.data.Augmentation(true, 2, 10), result.augment());
    }
}
