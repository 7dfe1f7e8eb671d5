package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingResult;
import org.layerlab.training.TrainingResult.Outcome;

class RunEndingTest {
    private static TrainingResult ended(Outcome outcome, String message, int epochs) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", 0.25);
        m.put("accuracy", 0.9);
        List<EpochEvent> h = epochs == 0 ? List.of() : List.of(new EpochEvent(epochs, m, 1234.4, 0.01, 1));
        return new TrainingResult(outcome, h, 10, message, null);
    }

    @Test
    void aFinishedRunSaysDoneWithItsLossAndChartedMetricAndTheTooltipEveryMetric() {
        RunEnding e = RunEnding.of(ended(Outcome.COMPLETED, null, 5), 5, "accuracy");
        assertEquals("Epoch 5/5", e.caption());
        String speed = String.format(" · %,.0f samples/s", 1234.4);
        assertEquals("Done · loss " + PlotView.format(0.25) + " · accuracy " + PlotView.format(0.9) + speed, e.status());
        assertEquals("Last epoch: loss " + PlotView.format(0.25) + ", accuracy " + PlotView.format(0.9) + speed,
                e.details());
        assertEquals("5 epochs · loss " + PlotView.format(0.25) + " · accuracy " + PlotView.format(0.9), e.brief());
        assertEquals("1 epoch · loss " + PlotView.format(0.25), RunEnding.of(ended(Outcome.COMPLETED, null, 1), 5, "mae").brief(),
                "a metric the run does not report is left out of the notice, and one epoch is singular");
    }

    @Test
    void withHeldOutDataTheStatusGivesItsFiguresInOneShortLine() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", 0.3936);
        m.put("accuracy", 0.8575);
        m.put("val_loss", 0.4631);
        m.put("val_accuracy", 0.8412);
        TrainingResult r = new TrainingResult(Outcome.COMPLETED, List.of(new EpochEvent(5, m, 6400, 0.001, 9.4)), 10, null,
                null);
        RunEnding e = RunEnding.of(r, 5, "accuracy");
        assertEquals("Done · val_loss " + PlotView.format(0.4631) + " · val_accuracy " + PlotView.format(0.8412)
                + String.format(" · %,.0f samples/s", 6400.0), e.status());
        assertTrue(e.status().length() <= 64, "fits beside the bar at 1280 px: " + e.status());
        for (String k : m.keySet()) {
            assertTrue(e.details().contains(k + " " + PlotView.format(m.get(k))), e.details());
        }
    }

    @Test
    void stoppedEarlyAndFailedRunsSayWhy() {
        assertTrue(RunEnding.of(ended(Outcome.STOPPED, null, 2), 9, "accuracy").status()
                .startsWith("Stopped, weights kept · loss"));
        assertTrue(RunEnding.of(ended(Outcome.EARLY_STOPPED, "stopped early at epoch 4", 4), 9, "accuracy").status()
                .startsWith("stopped early at epoch 4 · loss"));
        RunEnding failed = RunEnding.of(ended(Outcome.FAILED, "Training stopped at epoch 1, batch 3: the loss became NaN", 0),
                9, "accuracy");
        assertEquals("Training stopped at epoch 1, batch 3: the loss became NaN", failed.status());
        assertEquals("", failed.caption(), "no epoch ended: nothing to count");
    }
}
