package org.layerlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.data.Augmentation;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Input;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.TrainingConfig;
import org.layerlab.ui.common.Screenshots;
import org.layerlab.ui.data.DatasetDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The data dialog on a messy CSV from outside the project: preview, problems, and the copy into data/. */
@ExtendWith(ApplicationExtension.class)
class DatasetDialogTest {
    @TempDir
    static Path dir;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new Scene(new Pane(), 200, 100));
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
        robot.interact(() -> robot.lookup("#csv-missing").queryAs(ChoiceBox.class)
                .setValue(FeatureEncoder.Missing.FILL));
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
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        robot.clickOn("OK");
        DatasetSource.Csv result = (DatasetSource.Csv) dialog[0].getResult();
        assertEquals("data/people.csv", result.path());
        assertEquals("label", result.target());
        assertTrue(Files.exists(project.resolve("data/people.csv")), "the file was copied into the project");
        assertEquals(List.of(), result.ignore(), "every column is used");
        assertEquals(FeatureEncoder.Missing.FILL, result.missing(), "gaps are filled, as chosen");

        // The whole path: CSV -> project -> train -> save -> reopen.
        Project p = new Project("people",
                GraphAnalysisTest.chain(Input.of(4),
                        new Dense(4, "relu"), new Dense(1, "sigmoid")),
                TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 5).withBatchSize(2),
                result, List.of(), null);
        ProjectSession session = ProjectSession.open(p, project);
        assertTrue(session.errors().isEmpty(), session.errors().toString());
        assertEquals(3, session.data().train().size() + (session.data().test() == null ? 0 : session.data().test().size()),
                "the row with a gap is kept, filled");
        assertEquals(List.of("age", "height", "colour=blue", "colour=red"), session.data().train().featureNames());
        Project trained = session.train(5, List.of()).project();
        Path file = project.resolve("people.layerlab");
        ProjectFiles.save(trained, file);
        Project back = ProjectFiles.load(file);
        assertEquals(5, back.history().size());
        assertEquals(FeatureEncoder.Missing.FILL, ((DatasetSource.Csv) back.dataset()).missing());

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
    void aTimeSeriesIsCutIntoWindowsAsChosenAndItsFileCopiedIn(FxRobot robot) throws Exception {
        Path outside = Path.of("samples", "data", "sunspots.csv").toAbsolutePath();
        Path project = Files.createDirectories(dir.resolve("series-project"));
        DatasetDialog[] dialog = new DatasetDialog[1];
        robot.interact(() -> {
            dialog[0] = new DatasetDialog(stage, project, null);
            dialog[0].show();
            dialog[0].openSeries(outside);
        });
        Label summary = robot.lookup("#series-summary").queryAs(Label.class);
        assertEquals("SUNACTIVITY", robot.lookup("#series-target").queryAs(ChoiceBox.class).getValue(),
                "the last numeric column, not the year");
        robot.interact(() -> {
            ((Spinner<Integer>) robot.lookup("#series-window").queryAs(Spinner.class)).getValueFactory().setValue(400);
        });
        assertTrue(summary.getText().contains("has 309 rows") && summary.getText().contains("shorten the window"),
                summary.getText());
        robot.interact(() -> {
            ((Spinner<Integer>) robot.lookup("#series-window").queryAs(Spinner.class)).getValueFactory().setValue(20);
            robot.lookup("#series-test").queryAs(javafx.scene.control.TextField.class).setText("0.15");
        });
        assertTrue(summary.getText().startsWith("243 training / 46 test windows of (20, 1)"), summary.getText());
        robot.interact(() -> {
            try {
                Screenshots.write(dialog[0].getDialogPane().getScene(), Path.of("target", "dataset-dialog-series.png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        robot.clickOn("OK");
        DatasetSource.Windows result = (DatasetSource.Windows) dialog[0].getResult();
        assertEquals(new DatasetSource.Windows("data/sunspots.csv", List.of(), "SUNACTIVITY", 20, 1, 1, 0.15, true, null,
                null), result);
        assertTrue(Files.exists(project.resolve("data/sunspots.csv")), "the file was copied into the project");
        robot.interact(() -> {
            dialog[0] = new DatasetDialog(stage, project, result);
            dialog[0].show();
        });
        robot.clickOn("OK");
        assertEquals(result, dialog[0].getResult(), "the dialog reopens on the saved choices");
    }

    @Test
    void labelledTextIsTokenizedAsChosenAndKeepsItsVocabularyWhenNothingChanges(FxRobot robot) throws Exception {
        Path outside = Path.of("samples", "data", "fortunes.csv").toAbsolutePath();
        Path project = Files.createDirectories(dir.resolve("text-project"));
        DatasetDialog[] dialog = new DatasetDialog[1];
        robot.interact(() -> {
            dialog[0] = new DatasetDialog(stage, project, null);
            dialog[0].show();
            dialog[0].openText(outside);
        });
        assertEquals("text", robot.lookup("#text-column").queryAs(ChoiceBox.class).getValue(), "the longest cells");
        assertEquals("category", robot.lookup("#text-label").queryAs(ChoiceBox.class).getValue());
        String summary = robot.lookup("#text-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("1,903 training / 476 test texts in 3 classes (computers, politics, science)"),
                summary);
        robot.interact(() -> robot.lookup("#text-label").queryAs(ChoiceBox.class).setValue("text"));
        assertTrue(robot.lookup("#text-summary").queryAs(Label.class).getText().contains("the same column"));
        robot.interact(() -> {
            robot.lookup("#text-label").queryAs(ChoiceBox.class).setValue("category");
            try {
                Screenshots.write(dialog[0].getDialogPane().getScene(), Path.of("target", "dataset-dialog-text.png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        robot.clickOn("OK");
        DatasetSource.Text result = (DatasetSource.Text) dialog[0].getResult();
        assertEquals("data/fortunes.csv", result.path());
        assertTrue(Files.exists(project.resolve("data/fortunes.csv")), "the file was copied into the project");
        DatasetSource.Text trained = result.withVocabulary(List.of("", "[UNK]", "the"));
        robot.interact(() -> {
            dialog[0] = new DatasetDialog(stage, project, trained);
            dialog[0].show();
        });
        robot.clickOn("OK");
        assertEquals(trained.vocabulary(), ((DatasetSource.Text) dialog[0].getResult()).vocabulary(),
                "unchanged choices keep the trained network's vocabulary");
    }

    @Test
    void aCorpusSaysHowManyOutputUnitsTheModelNeeds(FxRobot robot) throws Exception {
        Path outside = Path.of("samples", "data", "fortunes_science.txt").toAbsolutePath();
        Path project = Files.createDirectories(dir.resolve("corpus-project"));
        DatasetDialog[] dialog = new DatasetDialog[1];
        robot.interact(() -> {
            dialog[0] = new DatasetDialog(stage, project, null);
            dialog[0].show();
            dialog[0].openCorpus(outside);
        });
        String summary = robot.lookup("#corpus-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("vocabulary 93 tokens") && summary.contains("needs 93 units"), summary);
        robot.clickOn("OK");
        DatasetSource.Corpus result = (DatasetSource.Corpus) dialog[0].getResult();
        assertEquals("data/fortunes_science.txt", result.path());
        assertTrue(Files.exists(project.resolve("data/fortunes_science.txt")), "the file was copied into the project");
    }

    @Test
    @SuppressWarnings("unchecked")
    void idxImagesArePreviewedWithAugmentationAndKeepIt(FxRobot robot) throws Exception {
        Path samples = Path.of("samples").toAbsolutePath();
        DatasetSource.Idx current = (DatasetSource.Idx) ProjectFiles.load(samples.resolve("fashion_cnn.layerlab"))
                .dataset();
        DatasetDialog[] dialog = new DatasetDialog[1];
        robot.interact(() -> {
            dialog[0] = new DatasetDialog(stage, samples, current);
            dialog[0].show();
        });
        org.testfx.util.WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".label")
                .queryAll().stream().anyMatch(n -> ((Label) n).getText().startsWith("6,000 training images")));
        // The image-folder tab has the same controls; setting both is harmless and keeps the lookup simple.
        robot.interact(() -> {
            robot.lookup("#augment-flip").queryAllAs(CheckBox.class).forEach(b -> b.setSelected(true));
            robot.lookup("#augment-shift").queryAllAs(Spinner.class)
                    .forEach(b -> ((Spinner<Integer>) b).getValueFactory().setValue(2));
            robot.lookup("#augment-rotate").queryAllAs(Spinner.class)
                    .forEach(b -> ((Spinner<Integer>) b).getValueFactory().setValue(10));
        });
        assertTrue(robot.lookup(".hint-text").queryAll().stream().anyMatch(n -> ((Label) n).getText()
                .contains("flip, shift ±2 px, rotate ±10°")), "the preview says what training will do");
        robot.interact(() -> {
            try {
                Screenshots.write(dialog[0].getDialogPane().getScene(), Path.of("target", "dataset-dialog-idx.png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        robot.clickOn("OK");
        DatasetSource.Idx result = (DatasetSource.Idx) dialog[0].getResult();
        assertEquals(current.trainImages(), result.trainImages());
        assertEquals(current.testLabels(), result.testLabels());
        assertEquals(new Augmentation(true, 2, 10), result.augment());
    }
}
