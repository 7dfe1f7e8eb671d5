package org.layerlab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.layerlab.data.ArrayDataset;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.Architectures;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;

/**
 * The sequence workloads. lstm: 64 steps of 32 features → LSTM(128) → Dense(10, softmax), batch
 * 64, Adam 1e-3, on synthetic sequences whose class is the feature (of the first ten) with the
 * largest mean over time, a rule an LSTM learns within an epoch. transformer: 64 token ids →
 * PositionalEmbedding(64, 1000, 64) → two encoder blocks (MultiHeadAttention 2 heads × 32, Add,
 * LayerNormalization, Dense 128 relu, Dense 64, Add, LayerNormalization) → mean over positions →
 * Dense(10), batch 32, Adam 1e-3, on sequences of random tokens where one of ten marker tokens
 * (ids 0–9) appears eight times: the class. bench/pytorch_bench.py draws the same distributions
 * (not the same numbers) for its twins.
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

    static Dataset markedTokens(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * STEPS];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(CLASSES);
            for (int t = 0; t < STEPS; t++) {
                x[i * STEPS + t] = CLASSES + rng.nextInt(VOCABULARY - CLASSES);
            }
            for (int m = 0; m < 8; m++) {
                x[i * STEPS + rng.nextInt(STEPS)] = k;
            }
            y[i] = k;
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            names.add("token " + k);
        }
        return new ArrayDataset(x, Shape.of(STEPS), y, 1, names);
    }

    static final int VOCABULARY = 1000;

    static Network transformerNetwork() {
        NetworkGraph g = Architectures.transformerClassifier(STEPS, VOCABULARY, 64, 2, 32, 128, 2, CLASSES, 0);
        return Network.compile(GraphAnalysis.of(g).plan(), new ParameterStore(1));
    }

    static BenchResult transformer(boolean quick, double seconds, int windows) {
        return TimedWindows.measure("transformer", transformerNetwork(), 32, markedTokens(quick ? 1024 : 4096, 1),
                markedTokens(1024, 2), seconds, windows);
    }

    static Network lstmNetwork() {
        return Sequential.input(STEPS, FEATURES).add(new LSTM(128)).add(new Dense(CLASSES, "softmax")).build(1);
    }

    static BenchResult lstm(boolean quick, double seconds, int windows) {
        return TimedWindows.measure("lstm", lstmNetwork(), 64, sequences(quick ? 1024 : 8192, 1), sequences(2048, 2),
                seconds, windows);
    }
}
