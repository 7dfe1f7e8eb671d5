package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.cli.Run;
import org.layerlab.data.Dataset;
import org.layerlab.data.CsvTable;
import org.layerlab.data.TimeWindows;
import org.layerlab.training.TrainingResult;

/** The sequence samples learn what they are for, in seconds. */
class SequenceSamplesTest {
    private static final Path SAMPLES = Path.of("samples");

    /**
     * The sunspot LSTM forecasts the test decades better than persistence ("next year as this
     * year"), the baseline any forecaster must beat; and the fitted statistics are saved for it.
     */
    @Test
    void sunspotLstmBeatsPersistenceOnTheHeldOutYears() throws Exception {
        Project p = ProjectFiles.load(SAMPLES.resolve("sunspots_lstm.layerlab"));
        ProjectSession s = ProjectSession.open(p, SAMPLES);
        ProjectSession.Outcome o = s.train(p.training().epochs(), List.of());
        assertEquals(TrainingResult.Outcome.COMPLETED, o.result().outcome());
        double lstm = s.evaluate().get("mae");
        DatasetSource.Windows w = (DatasetSource.Windows) p.dataset();
        TimeWindows.Result r = TimeWindows.build(CsvTable.read(SAMPLES.resolve(w.path())), w.options(), w.path());
        double persistence = 0;
        int per = r.test().featureShape().size();
        for (int i = 0; i < r.test().size(); i++) {
            persistence += Math.abs(r.test().featureValues()[i * per + per - 1] - r.test().target(i));
        }
        persistence /= r.test().size();
        assertTrue(lstm < 0.8 * persistence, "LSTM test MAE " + lstm + " vs persistence " + persistence);
        DatasetSource.Windows saved = (DatasetSource.Windows) o.project().dataset();
        assertEquals(r.offset()[0], saved.offset()[0], 1e-6);
    }

    /**
     * The fortune classifier learns the categories well above always answering the largest one, and
     * its vocabulary is saved: the reopened project evaluates the same and predict reads new text.
     */
    @Test
    void textClassifierLearnsKeepsItsVocabularyAndPredicts(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(SAMPLES.resolve("data/fortunes.csv"), dir.resolve("data/fortunes.csv"));
        Project p = ProjectFiles.load(SAMPLES.resolve("fortunes_text.layerlab"));
        ProjectSession s = ProjectSession.open(p, dir);
        Project trained = s.train(p.training().epochs(), List.of()).project();
        double accuracy = s.evaluate().get("accuracy");
        Dataset test = s.data().test();
        int[] counts = new int[test.classNames().size()];
        for (int i = 0; i < test.size(); i++) {
            counts[(int) test.target(i)]++;
        }
        double majority = (double) java.util.Arrays.stream(counts).max().orElseThrow() / test.size();
        assertTrue(accuracy > majority + 0.2, "accuracy " + accuracy + " vs always the largest class " + majority);
        DatasetSource.Text saved = (DatasetSource.Text) trained.dataset();
        assertEquals(6000, saved.vocabulary().size(), "the vocabulary is part of the project");
        Path file = dir.resolve("fortunes.layerlab");
        ProjectFiles.save(trained, file);
        ProjectSession reopened = ProjectSession.open(ProjectFiles.load(file), dir);
        assertEquals(accuracy, reopened.evaluate().get("accuracy"), 1e-9, "the same ids for the same words");
        Path rows = dir.resolve("new.csv");
        Files.writeString(rows, "text\n\"The compiler crashed and the kernel panicked on boot.\"\n"
                + "\"The senator promised lower taxes before the election.\"\n");
        Run predict = Run.of("predict", file.toString(), "--input", rows.toString());
        assertEquals(0, predict.code(), predict.err());
        List<String> classes = predict.out().lines().map(l -> l.split("\t")[0]).toList();
        assertEquals(List.of("computers", "politics"), classes, predict.out());
    }

    /** The Transformer block learns the same task well above the largest class, in a few seconds. */
    @Test
    void transformerSampleLearnsTheFortuneCategories() throws Exception {
        Project p = ProjectFiles.load(SAMPLES.resolve("fortunes_transformer.layerlab"));
        ProjectSession s = ProjectSession.open(p, SAMPLES);
        assertEquals(TrainingResult.Outcome.COMPLETED, s.train(p.training().epochs(), List.of()).result().outcome());
        Dataset test = s.data().test();
        int[] counts = new int[test.classNames().size()];
        for (int i = 0; i < test.size(); i++) {
            counts[(int) test.target(i)]++;
        }
        double majority = (double) java.util.Arrays.stream(counts).max().orElseThrow() / test.size();
        double accuracy = s.evaluate().get("accuracy");
        assertTrue(accuracy > majority + 0.15, "accuracy " + accuracy + " vs always the largest class " + majority);
    }
}
