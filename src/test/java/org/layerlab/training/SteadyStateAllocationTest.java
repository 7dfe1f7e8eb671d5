package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.WorkAllocation;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

/**
 * A training step allocates nothing once warm: garbage made per step is collected during
 * training and shows as pauses and lost speed. Measured on the training thread and the pool's
 * workers as the difference between a three-epoch and a one-epoch fit, so per-run setup cancels out.
 */
class SteadyStateAllocationTest {
    @Test
    void mlpStepAllocatesNothing() {
        Dataset data = images(2560, 28, 28);
        Network net = Sequential.input(data.featureShape()).add(new Flatten()).add(new Dense(128, "relu"))
                .add(new Dense(10, "softmax")).build(1);
        assertSteadyStateBelow(net, data, 8);
    }

    @Test
    void cnnStepAllocatesNothing() {
        Dataset data = images(1280, 16, 16);
        Network net = Sequential.input(data.featureShape()).add(new Conv2D(16, 3, "relu")).add(new MaxPooling2D(2))
                .add(new Conv2D(32, 3, "relu")).add(new Flatten()).add(new Dense(32, "relu"))
                .add(new Dense(10, "softmax")).build(1);
        assertSteadyStateBelow(net, data, 4);
    }

    @Test
    void oneStepEpochsKeepNumbersNotObjects() {
        // XOR's shape: four samples, one batch an epoch, many epochs. Each epoch was an event, a
        // map and boxed values, copied and kept to the end (449 bytes allocated an epoch here, a
        // fifth of the bench's run in GC pauses); now a few numbers in arrays sized for the run.
        Dataset data = ArrayDataset.regression(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new float[] {0, 1, 1, 0});
        Network net = Sequential.input(2).add(new Dense(8, "tanh")).add(new Dense(1, "sigmoid")).build(1);
        for (int i = 0; i < 5; i++) {
            fitEpochs(net, data, 2_000);
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long before = WorkAllocation.bytesSoFar();
            fitEpochs(net, data, 2_000);
            long mid = WorkAllocation.bytesSoFar();
            fitEpochs(net, data, 6_000);
            long after = WorkAllocation.bytesSoFar();
            best = Math.min(best, (double) ((after - mid) - (mid - before)) / 4_000);
        }
        // The numbers take 44 bytes an epoch (epoch, layout, offset, three timings, the loss); one
        // object an epoch on top (an event, a boxed loss: 16 bytes or more) does not fit under 56.
        assertTrue(best < 56, "an epoch of one step allocates " + best + " bytes");
    }

    private static void fitEpochs(Network net, Dataset data, int epochs) {
        new Trainer(net, new TrainingConfig(epochs, 4, OptimizerSpec.of("sgd", 0.5), Loss.MSE, List.of(), 1, 0, false,
                null, null)).fit(data);
    }

    private static void assertSteadyStateBelow(Network net, Dataset data, int batch) {
        // Enough steps for the JIT to compile the step; a measurement taken while it still is
        // counts its interim code, so the best of a few rounds is the steady state.
        for (int i = 0; i < 10; i++) {
            fit(net, data, batch, 1);
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 4 && best >= 8; round++) {
            // Each reading allocates arrays as long as the number of live threads; the readings
            // come in equal pairs of intervals, so their cost cancels in the difference below.
            long before = WorkAllocation.bytesSoFar();
            TrainingResult one = fit(net, data, batch, 1);
            long mid = WorkAllocation.bytesSoFar();
            TrainingResult three = fit(net, data, batch, 3);
            long after = WorkAllocation.bytesSoFar();
            best = Math.min(best, (double) ((after - mid) - (mid - before)) / (three.steps() - one.steps()));
        }
        // Small batches make 320 steps an epoch, so the epoch's own bookkeeping (shuffle seed,
        // metrics map, history: under 1 KB) stays below 3 bytes a step; one object per step (a
        // lambda, an iterator, a message string: 16 bytes or more) does not fit under 8.
        assertTrue(best < 8, "a training step allocates " + best + " bytes in steady state");
    }

    private static TrainingResult fit(Network net, Dataset data, int batch, int epochs) {
        TrainingConfig config = new TrainingConfig(epochs, batch, OptimizerSpec.of("adam", 0.001),
                Loss.CATEGORICAL_CROSSENTROPY, List.of(Metric.ACCURACY), 1, 0, true, null, null);
        return new Trainer(net, config).fit(data);
    }

    private static Dataset images(int n, int h, int w) {
        Random rng = new Random(3);
        float[] x = new float[n * h * w];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int j = 0; j < h * w; j++) {
                x[i * h * w + j] = rng.nextFloat() + (j % 10 == i % 10 ? 1 : 0);
            }
        }
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        return new ArrayDataset(x, Shape.of(h, w, 1), labels, 1, classes);
    }
}
