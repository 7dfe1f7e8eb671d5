package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Dropout;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

class TrainerBehaviourTest {
    /** Three noisy blobs in 2-D: a small classification problem that trains in milliseconds. */
    static ArrayDataset blobs(int perClass, long seed) {
        Random rng = new Random(seed);
        int n = perClass * 3;
        float[] x = new float[n * 2];
        float[] y = new float[n];
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[2 * i] = (float) (centres[c][0] + rng.nextGaussian() * 0.6);
            x[2 * i + 1] = (float) (centres[c][1] + rng.nextGaussian() * 0.6);
            y[i] = c;
        }
        return new ArrayDataset(x, Shape.of(2), y, 1, List.of("a", "b", "c"));
    }

    private static Network net(long seed) {
        return Sequential.input(2).add(new Dense(12, "relu")).add(new Dropout(0.2)).add(new Dense(3, "softmax")).build(seed);
    }

    private static float[] weights(Network n) {
        List<Float> all = new ArrayList<>();
        n.parameters().forEach(p -> {
            for (int i = 0; i < p.size(); i++) {
                all.add(p.value().get(i));
            }
        });
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    private static final TrainingConfig CONFIG = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 5)
            .withBatchSize(7).withOptimizer(OptimizerSpec.of("adam", 0.01)).withValidationSplit(0.2);

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
        Network a = net(5);
        Network b = net(5);
        Network c = net(6);
        new Trainer(a, CONFIG).fit(blobs(40, 1));
        new Trainer(b, CONFIG).fit(blobs(40, 1));
        new Trainer(c, CONFIG.withSeed(99)).fit(blobs(40, 1));
        assertArrayEquals(weights(a), weights(b));
        assertNotEquals(Arrays.toString(weights(a)), Arrays.toString(weights(c)));
    }

    @Test
    void eventsReportEveryBatchIncludingThePartialOneAndEveryEpoch() {
        List<BatchEvent> batches = new ArrayList<>();
        List<EpochEvent> epochs = new ArrayList<>();
        List<TrainingResult> finished = new ArrayList<>();
        TrainingResult r = new Trainer(net(1), CONFIG).addListener(new TrainingListener() {
            @Override
            public void onBatch(BatchEvent e) {
                batches.add(e);
            }

            @Override
            public void onEpoch(EpochEvent e) {
                epochs.add(e);
            }

            @Override
            public void onFinished(TrainingResult result) {
                finished.add(result);
            }
        }).fit(blobs(40, 1));
        // 120 samples, 24 held out: 96 train in batches of 7 -> 14 batches per epoch (the last has 5).
        assertEquals(5 * 14, batches.size());
        assertEquals(14, batches.get(0).batchesPerEpoch());
        assertEquals(5, epochs.size());
        assertEquals(List.of(r), finished);
        assertTrue(epochs.get(4).metrics().keySet().containsAll(List.of("loss", "accuracy", "val_loss", "val_accuracy")));
        assertTrue(epochs.get(4).get("val_accuracy") > 0.9, "blobs separate easily: " + epochs.get(4).metrics());
        assertEquals(70, batches.get(69).step());
        assertEquals(0.01, batches.get(0).learningRate(), 1e-12);
    }

    @Test
    void nonFiniteLossStopsTrainingNamesTheLayerAndKeepsTheWeights() {
        ArrayDataset data = blobs(10, 2);
        data.featureValues()[5] = Float.NaN;
        Network n = net(3);
        float[] before = weights(n);
        TrainingResult r = new Trainer(n, CONFIG.withValidationSplit(0).withShuffle(false).withBatchSize(30)).fit(data);
        assertEquals(TrainingResult.Outcome.FAILED, r.outcome());
        assertEquals("dense", r.offendingLayer());
        assertTrue(r.message().contains("dense (Dense) output became NaN or infinite"), r.message());
        assertArrayEquals(before, weights(n));
    }

    @Test
    void explodingLearningRateIsCaughtBeforeTheWeightsAreRuined() {
        Dataset data = ArrayDataset.regression(new float[][] {{1e4f}, {-1e4f}, {2e4f}}, new float[] {1e30f, -1e30f, 3e30f});
        Network n = Sequential.input(1).add(new Dense(1)).build(1);
        TrainingResult r = new Trainer(n, TrainingConfig.of(Loss.MSE, 50).withOptimizer(OptimizerSpec.of("sgd", 10)))
                .fit(data);
        assertEquals(TrainingResult.Outcome.FAILED, r.outcome());
        assertTrue(weights(n)[0] == weights(n)[0], "weights stay finite numbers");
        for (float w : weights(n)) {
            assertTrue(Float.isFinite(w));
        }
    }

    @Test
    void earlyStoppingEndsAPlateauedRunAndRestoresTheBestWeights() {
        Network n = net(4);
        List<float[]> perEpoch = new ArrayList<>();
        List<Double> monitored = new ArrayList<>();
        TrainingConfig cfg = CONFIG.withEpochs(300).withEarlyStopping(new EarlyStopping("val_loss", 3, 1e-3, true));
        TrainingResult r = new Trainer(n, cfg).addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent e) {
                perEpoch.add(weights(n));
                monitored.add(e.get("val_loss"));
            }
        }).fit(blobs(40, 1));
        assertEquals(TrainingResult.Outcome.EARLY_STOPPED, r.outcome());
        assertTrue(r.history().size() < 300);
        int best = 0;
        for (int i = 1; i < monitored.size(); i++) {
            if (monitored.get(i) < monitored.get(best) - 1e-3) {
                best = i;
            }
        }
        assertArrayEquals(perEpoch.get(best), weights(n));
    }

    @Test
    void validationRunsInTrainingSizedBatchesSoItNeedsNoMoreMemoryThanTraining() {
        // Larger validation batches grew every layer's buffers (and the memory estimate's
        // promise) for the rest of the run, and their allocation paused the window at epoch ends.
        List<Integer> rows = new ArrayList<>();
        TrainingResult r = new Trainer(net(3), CONFIG.withEpochs(2)).observeValidation((targets, outputs, n) -> rows.add(n))
                .fit(blobs(40, 1), blobs(100, 2));
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome());
        assertEquals(2 * 300, rows.stream().mapToInt(Integer::intValue).sum());
        assertTrue(rows.stream().allMatch(n -> n <= 7), rows.toString());
    }

    @Test
    void stopRequestEndsAfterTheCurrentBatch() {
        Trainer[] holder = new Trainer[1];
        List<BatchEvent> seen = new ArrayList<>();
        holder[0] = new Trainer(net(1), CONFIG.withEpochs(100)).addListener(new TrainingListener() {
            @Override
            public void onBatch(BatchEvent e) {
                seen.add(e);
                if (e.step() == 3) {
                    holder[0].requestStop();
                }
            }
        });
        TrainingResult r = holder[0].fit(blobs(40, 1));
        assertEquals(TrainingResult.Outcome.STOPPED, r.outcome());
        assertEquals(3, seen.size());
        assertEquals(3, r.steps());
    }

    @Test
    void dataThatDoesNotFitTheNetworkIsExplainedBeforeTraining() {
        IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(Sequential.input(3).add(new Dense(3, "softmax")).build(1), CONFIG).fit(blobs(5, 1)));
        assertTrue(features.getMessage().contains("set the Input shape to (2)"), features.getMessage());
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(Sequential.input(2).add(new Dense(2, "softmax")).build(1), CONFIG).fit(blobs(5, 1)));
        assertTrue(classes.getMessage().contains("3 classes but the output layer has 2 units"), classes.getMessage());
        IllegalArgumentException oneUnit = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(Sequential.input(2).add(new Dense(1)).build(1),
                        TrainingConfig.of(Loss.CATEGORICAL_CROSSENTROPY, 1)).fit(blobs(5, 1)));
        assertTrue(oneUnit.getMessage().contains("1 unit"), oneUnit.getMessage());
    }

    @Test
    void categoricalLossOneHotEncodesClassLabelsAndAgreesWithSparse() {
        Network n = net(8);
        TrainingResult r = new Trainer(n, CONFIG.withEpochs(30).withValidationSplit(0)
                .withBatchSize(16)).fit(blobs(40, 3));
        Map<String, Double> sparse = Evaluator.evaluate(n, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, List.of(Metric.ACCURACY),
                blobs(40, 3), 32, "");
        Map<String, Double> dense = Evaluator.evaluate(n, Loss.CATEGORICAL_CROSSENTROPY, List.of(Metric.ACCURACY),
                blobs(40, 3), 32, "");
        assertEquals(sparse.get("loss"), dense.get("loss"), 1e-6);
        assertEquals(sparse.get("accuracy"), dense.get("accuracy"), 1e-12);
        assertTrue(r.last().get("accuracy") > 0.9);
    }
}
