package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.CategoricalCrossEntropy;
import org.layerlab.engine.ops.SparseCategoricalCrossEntropy;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

/** Where an outside float64 reference of Keras 3 found LayerLab's numbers or counting different. */
class KerasFidelityTest {
    private static ArrayDataset values() {
        float[][] x = new float[12][];
        float[] y = new float[12];
        for (int i = 0; i < 12; i++) {
            x[i] = new float[] {i / 6f - 1, (i % 3) / 2f};
            y[i] = 2 * x[i][0] - x[i][1] + 3;
        }
        return ArrayDataset.regression(x, y);
    }

    private static Network net() {
        return Sequential.input(2).add(new Dense(1)).build(3);
    }

    @Test
    void earlyStoppingStopsWhenTheWaitReachesPatienceAsKerasDoes() {
        // min_delta so large that nothing after the first epoch counts as an improvement.
        for (int patience : new int[] {1, 3}) {
            TrainingConfig cfg = TrainingConfig.of(Loss.MSE, 50).withBatchSize(4)
                    .withEarlyStopping(new EarlyStopping("loss", patience, 1e9, false));
            TrainingResult r = new Trainer(net(), cfg).fit(values());
            assertEquals(TrainingResult.Outcome.EARLY_STOPPED, r.outcome());
            assertEquals(patience + 1, r.history().size(), "Keras runs patience + 1 epochs here, patience " + patience);
        }
    }

    @Test
    void restoreBestWeightsAlsoWhenTheRunEndsWithoutStoppingEarly() {
        Network n = net();
        List<float[]> afterEpoch = new ArrayList<>();
        TrainingConfig cfg = TrainingConfig.of(Loss.MSE, 4).withBatchSize(4)
                .withOptimizer(OptimizerSpec.of("sgd", 0.01))
                .withEarlyStopping(new EarlyStopping("loss", 100, 1e9, true));
        TrainingResult r = new Trainer(n, cfg).addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent e) {
                afterEpoch.add(n.parameters().get(0).value().data().clone());
            }
        }).fit(values());
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome());
        assertArrayEquals(afterEpoch.get(0), n.parameters().get(0).value().data(),
                "the first epoch was the best (nothing later improved by min_delta): its weights are back");
    }

    @Test
    void askingForMaeAndMseCountsEachErrorOnce() {
        TrainingConfig cfg = TrainingConfig.of(Loss.MSE, 1).withBatchSize(12).withShuffle(false)
                .withOptimizer(OptimizerSpec.of("sgd", 1e-12)).withMetrics(List.of(Metric.MAE, Metric.MSE));
        Network n = net();
        TrainingResult r = new Trainer(n, cfg).fit(values());
        Map<String, Double> m = r.history().get(0).metrics();
        // One batch and a learning rate too small to matter: the mse metric is the loss itself.
        assertEquals(m.get("loss"), m.get("mse"), 1e-6 * m.get("loss"));
        Map<String, Double> eval = Evaluator.evaluate(n, Loss.MSE, cfg.metrics(), values(), 5, "val_");
        assertEquals(eval.get("val_loss"), eval.get("val_mse"), 1e-6 * eval.get("val_loss"));
    }

    @Test
    void categoricalCrossEntropyOnOutputsThatAreNotASoftmaxDividesByTheirSumFirst() {
        // Sigmoid-like outputs 0.6, 0.6, 0.3 of class 0: Keras scores 0.6 / 1.5, not 0.6.
        Tensor p = Tensor.wrap(new float[] {0.6f, 0.6f, 0.3f}, 1, 3);
        assertEquals(-Math.log(0.4), new CategoricalCrossEntropy().compute(p, Tensor.wrap(new float[] {1, 0, 0}, 1, 3), null),
                1e-6);
        assertEquals(-Math.log(0.4), new SparseCategoricalCrossEntropy().compute(p, Tensor.wrap(new float[] {0}, 1, 1), null),
                1e-6);
    }
}
