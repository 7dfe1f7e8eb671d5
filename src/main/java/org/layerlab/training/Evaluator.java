package org.layerlab.training;

import java.util.List;
import java.util.Map;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;
import org.layerlab.nn.network.Network;

/** Loss and metrics of a network on a dataset, in evaluation mode (dropout off), batch by batch. */
public final class Evaluator {
    /** Sees each batch of an evaluation: the targets as stored (class indices for classes) and the outputs. */
    @FunctionalInterface
    public interface Observer {
        void batch(Tensor targets, Tensor outputs, int rows);
    }

    private Evaluator() {
    }

    /** Metrics keyed "loss", "accuracy", ... each prefixed (e.g. "val_"). */
    public static Map<String, Double> evaluate(Network net, Loss loss, List<Metric> metrics, Dataset data,
                                               int batchSize, String prefix) {
        return evaluate(net, loss, metrics, data, batchSize, prefix, null);
    }

    /** Like the other, and shows every batch to observer (may be null): one pass for metrics and more. */
    public static Map<String, Double> evaluate(Network net, Loss loss, List<Metric> metrics, Dataset data,
                                               int batchSize, String prefix, Observer observer) {
        TargetEncoder encoder = new TargetEncoder(data, net, loss);
        LossComputation computation = new LossComputation(net, loss);
        MetricAccumulator acc = new MetricAccumulator(loss, metrics, computation.termNames());
        int b = Math.max(1, Math.min(batchSize, data.size()));
        Tensor x = Tensor.ofBatch(b, data.featureShape());
        Tensor raw = encoder.allocateRaw(data, b);
        Tensor y = encoder.allocate(b);
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int from = 0; from < order.length; from += b) {
            int to = Math.min(order.length, from + b);
            data.gather(order, from, to, x, raw);
            encoder.encode(raw, y);
            Tensor out = net.forward(x, false);
            double l = computation.compute(y, false);
            acc.add(l, computation.lastTerms(), out, y);
            if (observer != null) {
                observer.batch(raw, out, to - from);
            }
        }
        return acc.result(prefix);
    }
}
