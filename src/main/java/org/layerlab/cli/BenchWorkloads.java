package org.layerlab.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

import org.layerlab.data.ArrayDataset;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Gemm;
import org.layerlab.engine.Lanes;
import org.layerlab.engine.Parallel;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.training.Trainer;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.TrainingResult;

/** The PERFORMANCE.md workloads, each measured on its own with the heap's peak reset before it. */
final class BenchWorkloads {
    private BenchWorkloads() {
    }

    /** One-step epochs per fit in the xor workload: long enough that a fit's own setup does not count. */
    private static final int XOR_EPOCHS_PER_FIT = 10_000;

    /**
     * XOR as a user trains it (a 2-8-1 network, the four samples as one batch, an epoch per step),
     * timed as the other workloads are: fits of 10,000 epochs run until a window of at least
     * {@code seconds} is full, one window untimed (the JIT compiles the step in it), then
     * {@code count} timed; the figure is the median window's steps/s. A single 300,000-step run
     * (as before) counted the end of the JIT's work in it: 2.7 µs a step where a warm one takes 2.1.
     */
    static BenchResult xor(double seconds, int count) {
        resetPeaks();
        Dataset data = ArrayDataset.regression(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new float[] {0, 1, 1, 0});
        Network net = Sequential.input(2).add(new Dense(8, "tanh")).add(new Dense(1, "sigmoid")).build(1);
        TrainingConfig cfg = new TrainingConfig(XOR_EPOCHS_PER_FIT, 4, OptimizerSpec.of("sgd", 0.5), Loss.MSE,
                List.of(), 1, 0, false, null, null);
        TrainingResult[] last = new TrainingResult[1];
        double[] rates = windowRates(seconds, seconds, count, () -> {
            last[0] = new Trainer(net, cfg).fit(data);
            return last[0].steps();
        });
        return BenchResult.ofWindows("xor", rates, "steps/s", Double.NaN, peakHeap(),
                String.format("median of %d windows of ≥%.1f s; final mse %.4f", count, seconds, last[0].last().get("loss")));
    }

    /**
     * Units of work per second in {@code count} windows of at least {@code seconds} each, after
     * one untimed window of at least {@code untimedSeconds} (the JIT compiles the work in it).
     * {@code work} does some and says how many units it did; it runs until a window is full.
     */
    private static double[] windowRates(double untimedSeconds, double seconds, int count, LongSupplier work) {
        double[] rates = new double[count];
        for (int w = -1; w < count; w++) {
            long start = System.nanoTime();
            long end = start + (long) ((w < 0 ? untimedSeconds : seconds) * 1e9);
            long units = 0;
            long now;
            do {
                units += work.getAsLong();
                now = System.nanoTime();
            } while (now < end);
            if (w >= 0) {
                rates[w] = units / ((now - start) / 1e9);
            }
        }
        return rates;
    }

    static Network mlpNetwork(Dataset train) {
        return Sequential.input(train.featureShape()).add(new Flatten()).add(new Dense(128, "relu"))
                .add(new Dense(10, "softmax")).build(1);
    }

    static Network cnnNetwork(Dataset train) {
        return Sequential.input(train.featureShape())
                .add(new Conv2D(32, 3, "relu")).add(new MaxPooling2D(2))
                .add(new Conv2D(64, 3, "relu")).add(new MaxPooling2D(2))
                .add(new Conv2D(64, 3, "relu")).add(new Flatten())
                .add(new Dense(64, "relu")).add(new Dense(10, "softmax")).build(1);
    }

    static BenchResult mlp(Dataset train, Dataset test, double seconds, int windows) {
        return TimedWindows.measure("mlp", mlpNetwork(train), 64, train, test, seconds, windows);
    }

    static BenchResult cnn(Dataset train, Dataset test, double seconds, int windows) {
        return TimedWindows.measure("cnn", cnnNetwork(train), 32, train, test, seconds, windows);
    }

    static BenchResult gemm(int n, double minSeconds) {
        resetPeaks();
        Random rng = new Random(1);
        float[] a = new float[n * n];
        float[] b = new float[n * n];
        float[] c = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextFloat() - 0.5f;
            b[i] = rng.nextFloat() - 0.5f;
        }
        // One untimed window (the JIT compiles the kernel and its callers), then five timed ones
        // sharing the time, as the training workloads have: one 2-s mean took a neighbour's burst
        // whole and gave no spread to show it. The PyTorch twin does the same.
        double window = minSeconds / GEMM_WINDOWS;
        double[] rates = windowRates(Math.max(UNTIMED_SECONDS, window), window, GEMM_WINDOWS, () -> {
            Gemm.multiply(false, false, n, n, n, a, 0, n, b, 0, n, c, 0, n, false);
            return 1;
        });
        for (int w = 0; w < rates.length; w++) {
            rates[w] *= 2.0 * n * n * n / 1e9;
        }
        return BenchResult.ofWindows("gemm " + n, rates, "GFLOP/s", Double.NaN, peakHeap(),
                "kernel " + Gemm.kernelName() + String.format(", median of %d windows of ≥%.2f s", GEMM_WINDOWS, window));
    }

    private static final int GEMM_WINDOWS = 5;
    // Until C2 has compiled the kernel, the Vector API runs interpreted, a product of 256³ taking
    // up to a second: --quick's 0.06-s windows read 0–133 GFLOP/s after a window that short.
    private static final double UNTIMED_SECONDS = 0.5;

    /**
     * The GEMM kernel's multiply-add instruction alone on every core at once: the ceiling for the
     * gemm rows on this machine as it is now (a shared or throttled host shows here first).
     */
    static BenchResult fmaPeak(double seconds) {
        for (int i = 0; i < 3_000; i++) {
            Gemm.peakLoop(2_000); // many short calls: C2 compiles the loop before it is timed
        }
        long steps = 20_000_000;
        double flopsPerSecond = onEveryCore("fma-peak", seconds, slot -> Gemm.peakLoop(steps));
        return new BenchResult("fma peak", flopsPerSecond / 1e9, "GFLOP/s", Double.NaN, 0,
                Parallel.threads() + " threads, multiply-adds on registers only: the ceiling for gemm");
    }

    /**
     * Memory bandwidth: dst += src over two 64 MB arrays (far beyond the caches), each thread its
     * own part, counting 12 bytes an element (two reads, one write). A probe for compare.sh, run
     * before each side's benchmark: this host has spells of tens of seconds in which memory-bound
     * work (the mlp, Adam's pass over the weights) runs at half speed while the FMA peak and the
     * foreign load stay as they were.
     */
    static BenchResult memoryBandwidth(double seconds) {
        int n = 16 << 20;
        float[] src = new float[n];
        float[] dst = new float[n];
        Arrays.fill(src, 1e-6f);
        for (int i = 0; i < 20_000; i++) {
            Lanes.add(src, 0, dst, 0, 4096); // C2 compiles the loop before it is timed
        }
        int threads = Parallel.threads();
        double elementsPerSecond = onEveryCore("memory", seconds, slot -> {
            int from = (int) ((long) n * slot / threads);
            int to = (int) ((long) n * (slot + 1) / threads);
            Lanes.add(src, from, dst, from, to - from);
            return to - from;
        });
        return new BenchResult("memory", 12.0 * elementsPerSecond / 1e9, "GB/s", Double.NaN, 0,
                threads + " threads, dst += src over 2 × 64 MB");
    }

    /**
     * Runs pass(slot) over and over on one thread per core for the given seconds, all at once,
     * and returns the sum of what the passes returned (work done) per second.
     */
    private static double onEveryCore(String name, double seconds, java.util.function.IntToDoubleFunction pass) {
        int threads = Parallel.threads();
        double[] done = new double[threads];
        Thread[] team = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            team[t] = new Thread(() -> {
                long until = System.nanoTime() + (long) (seconds * 1e9);
                while (System.nanoTime() < until) {
                    done[slot] += pass.applyAsDouble(slot);
                }
            }, name + "-" + t);
            team[t].start();
        }
        try {
            for (Thread t : team) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Arrays.stream(done).sum() / ((System.nanoTime() - start) / 1e9);
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the live heap at any moment. */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
