package org.layerlab.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;

/**
 * Running loss and metrics over the batches of an epoch, weighted by batch size as Keras reports
 * them. Accuracy is binary (threshold 0.5) for binary cross-entropy, arg-max against one-hot
 * targets for categorical, arg-max against the label for sparse, and rounded equality otherwise.
 */
final class MetricAccumulator {
    private final Loss loss;
    // An array, not the list: iterating it every step allocates nothing.
    private final Metric[] metrics;
    private double lossSum;
    private double correct;
    private double squaredError;
    private double absoluteError;
    private long samples;
    private long values;

    MetricAccumulator(Loss loss, List<Metric> metrics) {
        this.loss = loss;
        this.metrics = metrics.toArray(new Metric[0]);
    }

    void reset() {
        lossSum = correct = squaredError = absoluteError = 0;
        samples = values = 0;
    }

    /** Adds a batch: predictions (N, outputs) after the output activation, encoded targets. */
    void add(double batchLoss, Tensor prediction, Tensor target) {
        int n = prediction.batch();
        lossSum += batchLoss * n;
        samples += n;
        float[] p = prediction.data();
        float[] t = target.data();
        int c = prediction.sampleSize();
        int tw = target.sampleSize();
        for (Metric m : metrics) {
            switch (m) {
                case ACCURACY -> correct += countCorrect(p, t, n, c, tw);
                case MSE, MAE -> {
                    if (tw == c) {
                        for (int i = 0; i < n * c; i++) {
                            double e = p[i] - t[i];
                            squaredError += e * e;
                            absoluteError += Math.abs(e);
                        }
                    }
                }
            }
        }
        values += (long) n * c;
    }

    private int countCorrect(float[] p, float[] t, int n, int c, int tw) {
        int ok = 0;
        Loss.Kind kind = loss.kind();
        for (int r = 0; r < n; r++) {
            if (kind.isBinary() || (c == 1 && tw == 1)) {
                for (int j = 0; j < c; j++) {
                    boolean predicted = kind.isBinary() ? p[r * c + j] > 0.5f
                            : Math.round(p[r * c + j]) == Math.round(t[r * tw + j]);
                    ok += kind.isBinary() ? (predicted == (t[r * tw + j] > 0.5f) ? 1 : 0)
                            : (predicted ? 1 : 0);
                }
            } else {
                int best = argMax(p, r * c, c);
                int truth = tw == 1 ? (int) t[r] : argMax(t, r * tw, tw);
                ok += best == truth ? 1 : 0;
            }
        }
        return kind.isBinary() && c > 1 ? ok / c : ok;
    }

    static int argMax(float[] a, int off, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (a[off + j] > a[off + best]) {
                best = j;
            }
        }
        return best;
    }

    /** Metrics keyed as Keras keys them, each key given the prefix (e.g. "val_"). */
    Map<String, Double> result(String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + "loss", samples == 0 ? Double.NaN : lossSum / samples);
        for (Metric m : metrics) {
            double v = switch (m) {
                case ACCURACY -> samples == 0 ? Double.NaN : correct / samples;
                case MSE -> values == 0 ? Double.NaN : squaredError / values;
                case MAE -> values == 0 ? Double.NaN : absoluteError / values;
            };
            out.put(prefix + m.key(), v);
        }
        return out;
    }
}
