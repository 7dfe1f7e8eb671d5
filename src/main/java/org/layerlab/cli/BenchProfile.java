package org.layerlab.cli;

import java.io.PrintStream;
import java.util.List;

import org.layerlab.data.Dataset;
import org.layerlab.nn.Loss;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.StepTime;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.training.Metric;
import org.layerlab.training.Trainer;
import org.layerlab.training.TrainingConfig;

/**
 * {@code bench --profile}: where a training step's time goes, per layer, forward and backward,
 * and the rest of the step (loss, optimizer, gathering the batch, metrics) as "other": the
 * figures to look at before optimising, on the same network and protocol as the timed windows.
 */
final class BenchProfile {
    private BenchProfile() {
    }

    static void print(PrintStream out, String workload, Network net, int batch, Dataset train, int samples) {
        int n = Math.min(samples, train.size());
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        Dataset part = train.subset(first);
        TrainingConfig cfg = new TrainingConfig(1, batch, OptimizerSpec.of("adam", 0.001), Loss.CATEGORICAL_CROSSENTROPY,
                List.of(Metric.ACCURACY), 1, 0, true, null, null);
        new Trainer(net, cfg.withEpochs(2)).fit(part); // the JIT compiles first, untimed
        net.profile(true);
        long start = System.nanoTime();
        new Trainer(net, cfg.withEpochs(3)).fit(part);
        long total = System.nanoTime() - start;
        List<StepTime> times = net.profileTimes();
        net.profile(false);
        long steps = 3L * ((n + batch - 1) / batch);
        out.printf("%s profile: %d steps of batch %d, %.1f ms per step%n", workload, steps, batch, total / 1e6 / steps);
        out.printf("  %-28s %-22s %10s %10s %7s%n", "layer", "kind", "fwd ms", "bwd ms", "share");
        long layers = 0;
        for (StepTime t : times) {
            layers += t.forwardNanos() + t.backwardNanos();
            out.printf("  %-28s %-22s %10.3f %10.3f %6.1f%%%n", t.name(), t.kind(), t.forwardNanos() / 1e6 / steps,
                    t.backwardNanos() / 1e6 / steps, 100.0 * (t.forwardNanos() + t.backwardNanos()) / total);
        }
        out.printf("  %-28s %-22s %21.3f %6.1f%%%n", "other", "loss, optimizer, batch", (total - layers) / 1e6 / steps,
                100.0 * (total - layers) / total);
    }
}
