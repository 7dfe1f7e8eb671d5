package org.layerlab.training;

import java.util.List;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.network.Network;

/**
 * Counts of (true class, predicted class) over a dataset: counts[t·k + p]. The prediction is the
 * arg-max output (or output > 0.5 for a single sigmoid unit).
 */
public record ConfusionMatrix(long step, List<String> classes, long[] counts) implements Snapshot {
    /** Once per epoch: shown as soon as it arrives. */
    @Override
    public boolean deliverAtOnce() {
        return true;
    }

    /** Runs the network over data to count its predictions (evaluation mode). */
    public static ConfusionMatrix of(Network net, Dataset data, long step) {
        Counter counter = new Counter(data.classNames());
        int n = data.size();
        int chunk = 256;
        Tensor x = Tensor.ofBatch(chunk, data.featureShape());
        Tensor y = Tensor.zeros(chunk, data.targetWidth());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            data.gather(order, from, to, x, y);
            counter.batch(y, net.forward(x, false), to - from);
        }
        return counter.finish(step);
    }

    /**
     * Counts predictions batch by batch as an evaluation goes: during training, the validation
     * pass the metrics need anyway, instead of a second pass over the validation data.
     */
    public static final class Counter implements Evaluator.Observer {
        private final List<String> classes;
        private final int k;
        private long[] counts;

        public Counter(List<String> classes) {
            this.classes = classes;
            this.k = Math.max(2, classes.size());
            this.counts = new long[k * k];
        }

        @Override
        public void batch(Tensor targets, Tensor outputs, int rows) {
            int width = targets.sampleSize();
            int c = outputs.sampleSize();
            for (int r = 0; r < rows; r++) {
                int truth = Math.min(k - 1, (int) targets.get(r * width));
                int pred = c == 1 ? (outputs.get(r) > 0.5f ? 1 : 0) : MetricAccumulator.argMax(outputs.data(), r * c, c);
                counts[truth * k + Math.min(k - 1, pred)]++;
            }
        }

        /** The counts so far as a matrix; counting starts over. */
        public ConfusionMatrix finish(long step) {
            ConfusionMatrix m = new ConfusionMatrix(step, classes, counts);
            counts = new long[k * k];
            return m;
        }
    }

    public int size() {
        return (int) Math.round(Math.sqrt(counts.length));
    }

    public long count(int truth, int predicted) {
        return counts[truth * size() + predicted];
    }
}
