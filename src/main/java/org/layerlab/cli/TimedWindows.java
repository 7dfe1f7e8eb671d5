package org.layerlab.cli;

import java.util.List;
import java.util.Map;

import org.layerlab.data.Dataset;
import org.layerlab.nn.Loss;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.training.BatchEvent;
import org.layerlab.training.Evaluator;
import org.layerlab.training.Metric;
import org.layerlab.training.Trainer;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.TrainingListener;

/**
 * The protocol of every training workload, the same in bench/pytorch_bench.py: one epoch of a
 * fresh network (Adam 1e-3, categorical cross-entropy, shuffled), then the test accuracy; then the
 * same network trains on through as many epochs as needed while the clock cuts the run into
 * windows of at least {@code seconds} each: one untimed (the JIT finishes compiling in it), then
 * {@code count} timed. The figure is the median window's samples/s, with the slowest and
 * fastest: a single epoch of the mlp lasts 0.4 s and its rate moved by a factor of two between
 * runs, while five 2-second windows agree to a few percent on a quiet machine.
 */
final class TimedWindows implements TrainingListener {
    private final long windowNanos;
    private final int batch;
    private final int trainSize;
    private final double[] rates;
    private final Trainer trainer;
    private int closed = -1; // the first window closed is the untimed one
    private long windowStart = -1;
    private long samples;

    private TimedWindows(Trainer trainer, double seconds, int count, int batch, int trainSize) {
        this.trainer = trainer;
        this.windowNanos = (long) (seconds * 1e9);
        this.rates = new double[count];
        this.batch = batch;
        this.trainSize = trainSize;
    }

    static BenchResult measure(String name, Network fresh, int batch, Dataset train, Dataset test, double seconds,
                               int count) {
        BenchWorkloads.resetPeaks();
        TrainingConfig cfg = new TrainingConfig(1, batch, OptimizerSpec.of("adam", 0.001),
                Loss.CATEGORICAL_CROSSENTROPY, List.of(Metric.ACCURACY), 1, 0, true, null, null);
        double firstEpoch = new Trainer(fresh, cfg).fit(train).last().samplesPerSecond();
        Map<String, Double> m = Evaluator.evaluate(fresh, cfg.loss(), cfg.metrics(), test, 500, "");

        Trainer trainer = new Trainer(fresh, cfg.withEpochs(Integer.MAX_VALUE));
        TimedWindows windows = new TimedWindows(trainer, seconds, count, batch, train.size());
        trainer.addListener(windows).fit(train);
        return BenchResult.ofWindows(name, windows.rates, "samples/s", m.get("accuracy"), BenchWorkloads.peakHeap(),
                String.format("median of %d windows of ≥%.1f s; %d train / %d test, first epoch %,.0f/s", count,
                        seconds, train.size(), test.size(), firstEpoch));
    }

    @Override
    public void onBatch(BatchEvent e) {
        long now = System.nanoTime();
        if (windowStart < 0) {
            windowStart = now;
            return;
        }
        samples += e.batch() < e.batchesPerEpoch() ? batch : trainSize - (long) (e.batchesPerEpoch() - 1) * batch;
        if (now - windowStart >= windowNanos) {
            if (closed >= 0) {
                rates[closed] = samples / ((now - windowStart) / 1e9);
            }
            closed++;
            samples = 0;
            windowStart = now;
            if (closed == rates.length) {
                trainer.requestStop();
            }
        }
    }
}
