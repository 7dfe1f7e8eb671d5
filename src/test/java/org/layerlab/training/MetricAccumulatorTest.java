package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;

/** The second-wave metrics over an epoch of batches, against values worked out by hand. */
class MetricAccumulatorTest {
    private static Tensor column(float... v) {
        return Tensor.wrap(v, v.length, 1);
    }

    @Test
    void precisionRecallAndAucOfBinaryOutputsOverSeveralBatches() {
        MetricAccumulator m = new MetricAccumulator(Loss.BINARY_CROSSENTROPY,
                List.of(Metric.PRECISION, Metric.RECALL, Metric.AUC));
        // Predictions 0.1, 0.4 | 0.35, 0.8 for targets 0, 0 | 1, 1, split over two batches.
        m.add(0.5, column(0.1f, 0.4f), column(0, 0));
        m.add(0.5, column(0.35f, 0.8f), column(1, 1));
        Map<String, Double> r = m.result("val_");
        // At 0.5: one true positive (0.8), no false positive, one false negative (0.35).
        assertEquals(1.0, r.get("val_precision"), 1e-12);
        assertEquals(0.5, r.get("val_recall"), 1e-12);
        // Three of the four positive-negative pairs are ordered right.
        assertEquals(0.75, r.get("val_auc"), 1e-9);
    }

    @Test
    void topKCountsTheTrueClassAmongTheFiveHighestScores() {
        MetricAccumulator m = new MetricAccumulator(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, List.of(Metric.TOP_K_ACCURACY));
        Tensor p = Tensor.wrap(new float[] {
                0.30f, 0.25f, 0.20f, 0.10f, 0.10f, 0.05f,
                0.30f, 0.25f, 0.20f, 0.10f, 0.10f, 0.05f}, 2, 6);
        // Class 4 ties fifth place (in the top five); class 5 is sixth.
        m.add(1, p, Tensor.wrap(new float[] {4, 5}, 2, 1));
        assertEquals(0.5, m.result("").get("top_k_categorical_accuracy"), 1e-12);
    }

    @Test
    void r2OverTheEpochNotAnAverageOfBatches() {
        MetricAccumulator m = new MetricAccumulator(Loss.MSE, List.of(Metric.R2));
        m.add(0, column(1.1f, 1.9f), column(1, 2));
        m.add(0, column(3.2f, 3.8f), column(3, 4));
        // SS_res = 0.01 + 0.01 + 0.04 + 0.04, SS_tot = 5 around the epoch's mean 2.5.
        assertEquals(1 - 0.1 / 5, m.result("").get("r2_score"), 1e-6);
        m.reset();
        assertFalse(Double.isFinite(m.result("").get("r2_score")), "nothing seen after a reset");
    }

    @Test
    void metricsThatDoNotFitTheLossAreRefusedOrDroppedWhenTheLossChanges() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.of(Loss.MSE, 1).withMetrics(List.of(Metric.PRECISION)));
        assertEquals("the metric precision does not apply to the loss mse: it needs a binary cross-entropy", e.getMessage());
        TrainingConfig binary = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 1)
                .withMetrics(List.of(Metric.ACCURACY, Metric.AUC));
        assertEquals(List.of(Metric.ACCURACY), binary.withLoss(Loss.SPARSE_CATEGORICAL_CROSSENTROPY).metrics());
        assertEquals(Metric.R2, Metric.parse("r2"));
    }
}
