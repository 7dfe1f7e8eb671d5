package org.layerlab.training;

import java.util.List;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Network;

/**
 * Counts of (true class, predicted class) over a dataset: counts[t·k + p]. The prediction is the
 * arg-max output (or output > 0.5 for a single sigmoid unit).
 */
public record ConfusionMatrix(long step, List<String> classes, long[] counts) {
    public static ConfusionMatrix of(Network net, Dataset data, long step) {
        int k = Math.max(2, data.classNames().size());
        long[] counts = new long[k * k];
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
            Tensor out = net.forward(x, false);
            int c = out.sampleSize();
            for (int r = 0; r < to - from; r++) {
                int truth = Math.min(k - 1, (int) y.get(r * data.targetWidth()));
                int pred = c == 1 ? (out.get(r) > 0.5f ? 1 : 0) : MetricAccumulator.argMax(out.data(), r * c, c);
                counts[truth * k + Math.min(k - 1, pred)]++;
            }
        }
        return new ConfusionMatrix(step, data.classNames(), counts);
    }

    public int size() {
        return (int) Math.round(Math.sqrt(counts.length));
    }

    public long count(int truth, int predicted) {
        return counts[truth * size() + predicted];
    }
}
