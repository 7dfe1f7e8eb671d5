package org.layerlab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.layerlab.data.ArrayDataset;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.training.Evaluator;
import org.layerlab.training.Metric;
import org.layerlab.training.Trainer;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.TrainingResult;

/**
 * The sequence workloads. lstm: 64 steps of 32 features → LSTM(128) → Dense(10, softmax), batch
 * 64, Adam 1e-3, on synthetic sequences whose class is the feature (of the first ten) with the
 * largest mean over time, a rule an LSTM learns within an epoch. bench/pytorch_bench.py draws
 * the same distribution (not the same numbers) for its twin.
 */
final class BenchSequences {
    static final int STEPS = 64;
    static final int FEATURES = 32;
    static final int CLASSES = 10;

    private BenchSequences() {
    }

    static Dataset sequences(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * STEPS * FEATURES];
        float[] y = new float[n];
        double[] sums = new double[CLASSES];
        for (int i = 0; i < n; i++) {
            Arrays.fill(sums, 0);
            for (int t = 0; t < STEPS; t++) {
                for (int f = 0; f < FEATURES; f++) {
                    float v = (float) rng.nextGaussian();
                    x[(i * STEPS + t) * FEATURES + f] = v;
                    if (f < CLASSES) {
                        sums[f] += v;
                    }
                }
            }
            int best = 0;
            for (int k = 1; k < CLASSES; k++) {
                best = sums[k] > sums[best] ? k : best;
            }
            y[i] = best;
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            names.add("feature " + k);
        }
        return new ArrayDataset(x, Shape.of(STEPS, FEATURES), y, 1, names);
    }

    static Network lstmNetwork() {
        return Sequential.input(STEPS, FEATURES).add(new LSTM(128)).add(new Dense(CLASSES, "softmax")).build(1);
    }

    /**
     * Training speed as the median of timed epochs after an untimed one (the JIT compiles the
     * recurrent loops in it), with their spread; accuracy after one epoch of a fresh network.
     */
    static BenchResult lstm(boolean quick) {
        BenchWorkloads.resetPeaks();
        Dataset train = sequences(quick ? 1024 : 8192, 1);
        Dataset test = sequences(2048, 2);
        TrainingConfig cfg = new TrainingConfig(1, 64, OptimizerSpec.of("adam", 0.001), Loss.CATEGORICAL_CROSSENTROPY,
                List.of(Metric.ACCURACY), 1, 0, true, null, null);
        Network fresh = lstmNetwork();
        new Trainer(fresh, cfg).fit(train);
        double accuracy = Evaluator.evaluate(fresh, cfg.loss(), cfg.metrics(), test, 500, "").get("accuracy");
        int epochs = quick ? 2 : 5;
        double[] rates = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            TrainingResult r = new Trainer(fresh, cfg).fit(train);
            rates[e] = r.last().samplesPerSecond();
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return new BenchResult("lstm", sorted[epochs / 2], "samples/s", accuracy, BenchWorkloads.peakHeap(),
                String.format("median of %d epochs of %d (%,.0f–%,.0f); accuracy after the first epoch", epochs,
                        train.size(), sorted[0], sorted[epochs - 1]));
    }
}
