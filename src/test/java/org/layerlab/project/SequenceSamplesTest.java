package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
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
}
