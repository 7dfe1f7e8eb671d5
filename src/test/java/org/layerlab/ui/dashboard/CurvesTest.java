package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.nn.Loss;
import org.layerlab.training.BatchEvent;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.Metric;
import org.layerlab.training.TrainingConfig;

/** The Loss and metric tabs' series, fed without a window. */
class CurvesTest {
    @Test
    void aRunPlotsPerStepAndEpochEndsAtTheirLastStep() {
        Curves c = new Curves();
        assertEquals("mae", c.useMetricOf(TrainingConfig.of(Loss.MSE, 2).withMetrics(List.of(Metric.MAE)), null));
        c.batch(new BatchEvent(1, 1, 1, 2, 0.9, Map.of("mae", 0.5), 0, 0.01));
        c.batch(new BatchEvent(2, 1, 2, 2, 0.7, Map.of("mae", 0.4), 0, 0.01));
        c.epoch(new EpochEvent(1, Map.of("loss", 0.8, "val_loss", 0.85, "val_mae", 0.45), 0, 0.01, 0.1));
        assertEquals(2, c.batchLoss.size());
        assertEquals(2, c.batchMetric.size());
        assertEquals(2.0, c.epochLoss.x(0), "the epoch's point sits at its last step");
        assertEquals(0.45, c.valMetric.y(0), 1e-6);
    }

    @Test
    void aVaePlotsItsKlTermInTheSecondChart() {
        Curves c = new Curves();
        assertEquals("kl_loss", c.useMetricOf(TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 2), "kl_loss"));
        assertEquals("kl_loss", c.useMetricOf(TrainingConfig.of(Loss.MSE, 2).withMetrics(List.of(Metric.MAE)), "kl_loss"));
        assertEquals("accuracy", c.useMetricOf(TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 2), null));
        c.useMetricOf(TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 2), "kl_loss");
        c.showHistory(List.of(new EpochEvent(1, Map.of("loss", 0.5, "kl_loss", 0.1, "val_kl_loss", 0.12), 0, 0.01, 0.1)));
        assertEquals(0.1, c.batchMetric.y(0), 1e-6);
        assertEquals(0.12, c.valMetric.y(0), 1e-6);
    }

    @Test
    void aSavedHistoryPlotsOnePointPerEpoch() {
        Curves c = new Curves();
        c.useMetricOf(TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 2), null);
        c.batch(new BatchEvent(7, 1, 1, 2, 0.9, Map.of(), 0, 0.01));
        c.showHistory(List.of(new EpochEvent(1, Map.of("loss", 0.5, "accuracy", 0.7), 0, 0.01, 0.1),
                new EpochEvent(2, Map.of("loss", 0.4, "accuracy", 0.8, "val_loss", 0.45), 0, 0.01, 0.1)));
        assertEquals(0, c.batchLoss.size(), "the run's steps are cleared");
        assertEquals(2, c.epochLoss.size());
        assertEquals(List.of(1.0, 2.0), List.of(c.batchMetric.x(0), c.batchMetric.x(1)));
        assertEquals(1, c.valLoss.size());
        assertEquals(2.0, c.valLoss.x(0));
    }
}
