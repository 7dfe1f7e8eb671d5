package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.runs.DataFingerprint;
import org.layerlab.training.runs.Run;

/** Parallel coordinates: an axis per setting that differs, log where the values span decades, brushing filters. */
class ParallelModelTest {
    private static Run run(String id, String lr, String units, String optimizer, double accuracy) {
        Map<String, String> settings = Map.of("learning_rate", lr, "dense.units", units, "optimizer", optimizer,
                "batch_size", "32");
        return new Run(id, id, id, "", Instant.EPOCH, null, 0, "completed", NetworkGraph.empty(), "h", "",
                TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 1), new DataFingerprint("x", 1, 0, "0"), settings,
                List.of(new EpochEvent(1, Map.of("loss", 1 - accuracy, "val_accuracy", accuracy), 0, 0, 0)), List.of());
    }

    private final List<Run> runs = List.of(run("r1", "0.0001", "16", "adam", 0.5), run("r2", "0.001", "64", "adam", 0.8),
            run("r3", "0.01", "16", "sgd", 0.9), run("r4", "0.1", "32", "sgd", 0.6));

    @Test
    void anAxisPerSettingThatDiffersThenTheMetric() {
        ParallelModel m = new ParallelModel();
        m.show(runs, "val_accuracy");
        // batch_size is the same everywhere: no axis. Most distinct values first.
        assertEquals(List.of("learning_rate", "dense.units", "optimizer", "val_accuracy"),
                m.axes().stream().map(a -> a.key).toList());
        ParallelModel.Axis lr = m.axes().get(0);
        assertTrue(lr.numeric() && lr.log, "1e-4..1e-1 spans three decades");
        assertEquals(1.0 / 3, lr.position("0.001"), 1e-9);
        ParallelModel.Axis units = m.axes().get(1);
        assertFalse(units.log, "16..64 is 4×, shown linear");
        assertEquals(0.5 / 1.5 * 1.0, units.position("32"), 1e-9);
        ParallelModel.Axis opt = m.axes().get(2);
        assertEquals(List.of("adam", "sgd"), opt.categories);
        assertEquals(1.0, opt.position("sgd"));
        assertNull(m.axes().get(3).categories);
    }

    @Test
    void brushingAnAxisKeepsTheRunsInItsRangeAndSurvivesARefill() {
        ParallelModel m = new ParallelModel();
        m.show(runs, "val_accuracy");
        assertEquals(List.of("r1", "r2", "r3", "r4"), m.passing());
        // The top half of val_accuracy (0.5..0.9): 0.8 and 0.9.
        m.filter(3, 1.0, 0.5);
        assertEquals(List.of("r2", "r3"), m.passing());
        m.filter(2, 0.9, 1.0); // and sgd
        assertEquals(List.of("r3"), m.passing());
        m.show(runs, "val_accuracy");
        assertEquals(List.of("r3"), m.passing(), "a run ending (a refill) keeps the brushing");
        m.filter(2, 0.5, 0.5);
        assertEquals(List.of("r2", "r3"), m.passing(), "a click clears that axis");
        m.clearFilters();
        assertEquals(4, m.passing().size());
    }
}
