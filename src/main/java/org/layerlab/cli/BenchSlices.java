package org.layerlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntSupplier;

import org.layerlab.data.Dataset;
import org.layerlab.nn.Loss;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.training.Metric;
import org.layerlab.training.Trainer;
import org.layerlab.training.TrainingConfig;

/**
 * The benchmark's mlp and cnn trained a slice at a time, for comparing two builds in one JVM
 * (bench/StepAB.java, which loads each build's copy of this class): the builds take turns every
 * half second, so that a shared machine's slow spells (here whole 20-second runs at half speed)
 * fall on both alike, which separate runs of {@code bench} cannot promise.
 */
public final class BenchSlices {
    private BenchSlices() {
    }

    /**
     * A trainer of "mlp" or "cnn" on Fashion-MNIST from dataDir (null: where {@code bench}
     * looks): each call trains one epoch over the next slice of the training set, with the
     * benchmark's network, batch and Adam, and returns the number of samples it trained.
     */
    public static IntSupplier of(String workload, String dataDir) {
        boolean cnn = workload.equals("cnn");
        if (!cnn && !workload.equals("mlp")) {
            throw new IllegalArgumentException("workload is mlp or cnn, not " + workload);
        }
        Dataset train = BenchCommand.loadData(dataDir, false, System.err)[0];
        Network net = cnn ? BenchWorkloads.cnnNetwork(train) : BenchWorkloads.mlpNetwork(train);
        int batch = cnn ? 32 : 64;
        // About 40 ms of training a slice for either workload on two cores.
        int size = Math.min(train.size(), cnn ? 256 : 6400);
        Dataset[] slices = new Dataset[train.size() / size];
        for (int s = 0; s < slices.length; s++) {
            int[] rows = new int[size];
            for (int i = 0; i < size; i++) {
                rows[i] = s * size + i;
            }
            slices[s] = train.subset(rows);
        }
        TrainingConfig cfg = new TrainingConfig(1, batch, OptimizerSpec.of("adam", 0.001), Loss.CATEGORICAL_CROSSENTROPY,
                List.of(Metric.ACCURACY), 1, 0, true, null, null);
        Trainer trainer = new Trainer(net, cfg);
        int[] next = {0};
        return () -> {
            trainer.fit(slices[next[0]++ % slices.length]);
            return size;
        };
    }
}
