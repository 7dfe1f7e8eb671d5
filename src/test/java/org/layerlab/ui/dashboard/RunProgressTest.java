package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.training.BatchEvent;

class RunProgressTest {
    @Test
    void timeLeftIsTheRemainingBatchesAtTheCurrentPace() {
        // Epoch 2 of 3, batch 100 of 400, 64 samples a batch at 6,400 samples/s: 100 batches a second.
        BatchEvent b = new BatchEvent(500, 2, 100, 400, 0.4321, Map.of(), 6400, 0.001);
        RunProgress p = RunProgress.of(b, 3, 64);
        assertEquals((1 + 100 / 400.0) / 3, p.fraction(), 1e-12);
        assertEquals((300 + 400) / 100.0, p.secondsLeft(), 1e-9);
        assertEquals("Epoch 2/3 · 7 s left", p.caption());
        assertEquals("Batch 100/400 · 6,400 samples/s · loss 0.4321", p.line());
    }

    @Test
    void noPaceYetMeansNoTimeLeftShown() {
        RunProgress p = RunProgress.of(new BatchEvent(1, 1, 1, 10, 2.0, Map.of(), 0, 0.01), 5, 32);
        assertTrue(Double.isNaN(p.secondsLeft()));
        assertEquals("Epoch 1/5", p.caption());
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("0 s", RunProgress.duration(0.2));
        assertEquals("59 s", RunProgress.duration(59.4));
        assertEquals("1 min 00 s", RunProgress.duration(59.6));
        assertEquals("9 min 59 s", RunProgress.duration(599));
        assertEquals("10 min", RunProgress.duration(600));
        assertEquals("59 min", RunProgress.duration(3569));
        assertEquals("1 h 00 min", RunProgress.duration(3571));
        assertEquals("26 h 40 min", RunProgress.duration(96_000));
    }
}
