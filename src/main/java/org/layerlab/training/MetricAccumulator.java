package org.layerlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;

/**
 * Running loss and metrics over the batches of an epoch, weighted by batch size as Keras reports
 * them. Accuracy is binary (threshold 0.5) for binary cross-entropy, arg-max against one-hot
 * targets for categorical, arg-max against the label for sparse, and rounded equality otherwise.
 * Precision, recall and AUC count binary outputs over the epoch (AUC as Keras: 200 thresholds,
 * the trapezoid rule); R² sums per output column over the epoch, as Keras' R2Score does, so
 * neither is an average of per-batch values. Nothing here allocates once the first batch is in.
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
    private long truePositives;
    private long falsePositives;
    private long falseNegatives;
    private long topK;
    /** Per AUC bucket (how many thresholds a prediction exceeds), the positives and negatives that fell there. */
    private final long[] aucPositives = new long[AUC_THRESHOLDS.length + 1];
    private final long[] aucNegatives = new long[AUC_THRESHOLDS.length + 1];
    /** Per output column: Σy, Σy², Σ(y − p)² for R². */
    private double[] r2Sum = new double[0];
    private double[] r2SumSquares = new double[0];
    private double[] r2Residual = new double[0];
    private long r2Rows;

    static final int TOP_K = 5;
    /** Keras' AUC thresholds: 0 − ε, then 198 evenly spaced inside (0, 1), then 1 + ε. */
    static final double[] AUC_THRESHOLDS = aucThresholds(200);

    /** The layers' own loss terms (see {@link LossComputation#termNames}): summed per epoch like the loss. */
    private final String[] termNames;
    private final double[] termSums;
    /** What {@link #results} fills in, made once: {@link #result} runs per batch when the window listens. */
    private final String[] keys;

    MetricAccumulator(Loss loss, List<Metric> metrics) {
        this(loss, metrics, new String[0]);
    }

    MetricAccumulator(Loss loss, List<Metric> metrics, String[] termNames) {
        this.loss = loss;
        this.metrics = metrics.toArray(new Metric[0]);
        this.termNames = termNames.clone();
        this.termSums = new double[termNames.length];
        this.keys = keysOf(this.termNames, this.metrics);
    }

    void reset() {
        lossSum = correct = squaredError = absoluteError = 0;
        Arrays.fill(termSums, 0);
        samples = values = 0;
        truePositives = falsePositives = falseNegatives = topK = r2Rows = 0;
        Arrays.fill(aucPositives, 0);
        Arrays.fill(aucNegatives, 0);
        Arrays.fill(r2Sum, 0);
        Arrays.fill(r2SumSquares, 0);
        Arrays.fill(r2Residual, 0);
    }

    private static double[] aucThresholds(int n) {
        double eps = 1e-7;
        double[] t = new double[n];
        for (int i = 1; i < n - 1; i++) {
            t[i] = (double) i / (n - 1);
        }
        t[0] = -eps;
        t[n - 1] = 1 + eps;
        return t;
    }

    /** Adds a batch with the layers' loss terms in it, in the order of the names given at construction. */
    void add(double batchLoss, double[] terms, Tensor prediction, Tensor target) {
        for (int i = 0; i < termSums.length; i++) {
            termSums[i] += terms[i] * prediction.batch();
        }
        add(batchLoss, prediction, target);
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
                    // One pass feeds both: asked for both, each error must still count once.
                    if (tw == c && (m == Metric.MSE || !hasMetric(Metric.MSE))) {
                        for (int i = 0; i < n * c; i++) {
                            double e = p[i] - t[i];
                            squaredError += e * e;
                            absoluteError += Math.abs(e);
                        }
                    }
                }
                case PRECISION, RECALL -> {
                    if (m == Metric.PRECISION || !hasMetric(Metric.PRECISION)) {
                        countThresholded(p, t, n * Math.min(c, tw));
                    }
                }
                case AUC -> countAuc(p, t, n * Math.min(c, tw));
                case TOP_K_ACCURACY -> topK += countTopK(p, t, n, c, tw);
                case R2 -> addR2(p, t, n, c, tw);
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

    private boolean hasMetric(Metric m) {
        for (Metric x : metrics) {
            if (x == m) {
                return true;
            }
        }
        return false;
    }

    private void countThresholded(float[] p, float[] t, int count) {
        for (int i = 0; i < count; i++) {
            boolean predicted = p[i] > 0.5f;
            boolean actual = t[i] > 0.5f;
            if (predicted && actual) {
                truePositives++;
            } else if (predicted) {
                falsePositives++;
            } else if (actual) {
                falseNegatives++;
            }
        }
    }

    private void countAuc(float[] p, float[] t, int count) {
        for (int i = 0; i < count; i++) {
            int bucket = Arrays.binarySearch(AUC_THRESHOLDS, p[i]);
            // The number of thresholds strictly below p: a prediction equal to a threshold does not exceed it.
            int above = bucket >= 0 ? bucket : -bucket - 1;
            if (t[i] > 0.5f) {
                aucPositives[above]++;
            } else {
                aucNegatives[above]++;
            }
        }
    }

    /** Keras' ROC AUC: true and false positive rates at each threshold, trapezoids between them. */
    private double auc() {
        long pos = 0;
        long neg = 0;
        for (int i = 0; i < aucPositives.length; i++) {
            pos += aucPositives[i];
            neg += aucNegatives[i];
        }
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        double area = 0;
        double prevTpr = 0;
        double prevFpr = 0;
        long tp = 0;
        long fp = 0;
        // From the highest threshold down: predictions above threshold k are those in buckets > k.
        for (int k = AUC_THRESHOLDS.length - 1; k >= 0; k--) {
            tp += aucPositives[k + 1];
            fp += aucNegatives[k + 1];
            double tpr = (double) tp / pos;
            double fpr = (double) fp / neg;
            if (k < AUC_THRESHOLDS.length - 1) {
                area += (fpr - prevFpr) * (tpr + prevTpr) / 2;
            }
            prevTpr = tpr;
            prevFpr = fpr;
        }
        return area;
    }

    /** Samples whose true class has fewer than k classes scoring strictly higher (Keras' in_top_k). */
    private static int countTopK(float[] p, float[] t, int n, int c, int tw) {
        int ok = 0;
        for (int r = 0; r < n; r++) {
            int truth = tw == 1 ? (int) t[r] : argMax(t, r * tw, tw);
            float score = p[r * c + truth];
            int higher = 0;
            for (int j = 0; j < c; j++) {
                if (p[r * c + j] > score) {
                    higher++;
                }
            }
            ok += higher < TOP_K ? 1 : 0;
        }
        return ok;
    }

    private void addR2(float[] p, float[] t, int n, int c, int tw) {
        if (tw != c) {
            return;
        }
        if (r2Sum.length != c) {
            r2Sum = new double[c];
            r2SumSquares = new double[c];
            r2Residual = new double[c];
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < c; j++) {
                double y = t[r * c + j];
                double e = y - p[r * c + j];
                r2Sum[j] += y;
                r2SumSquares[j] += y * y;
                r2Residual[j] += e * e;
            }
        }
        r2Rows += n;
    }

    /** Keras' R2Score, uniform average over outputs; a constant target column scores 0 (its SS_tot is 0). */
    private double r2() {
        if (r2Rows == 0 || r2Sum.length == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (int j = 0; j < r2Sum.length; j++) {
            double ssTot = r2SumSquares[j] - r2Sum[j] * r2Sum[j] / r2Rows;
            total += ssTot > 0 ? 1 - r2Residual[j] / ssTot : 0;
        }
        return total / r2Sum.length;
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
        String[] k = keys(prefix);
        double[] v = new double[k.length];
        results(v);
        Map<String, Double> out = new LinkedHashMap<>(2 * k.length);
        for (int i = 0; i < k.length; i++) {
            out.put(k[i], v[i]);
        }
        return out;
    }

    /**
     * The keys {@link #results} fills in, in its order, each given the prefix (e.g. "val_");
     * without one, the same array each time, not to be changed.
     */
    String[] keys(String prefix) {
        if (prefix.isEmpty()) {
            return keys;
        }
        String[] k = new String[keys.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = prefix + keys[i];
        }
        return k;
    }

    /** The loss, the layers' terms (as the Keras VAE example: the loss less the terms, then each), the metrics. */
    private static String[] keysOf(String[] termNames, Metric[] metrics) {
        List<String> k = new ArrayList<>();
        k.add("loss");
        if (termNames.length > 0) {
            k.add("reconstruction_loss");
            k.addAll(List.of(termNames));
        }
        for (Metric m : metrics) {
            k.add(m.key());
        }
        return k.toArray(new String[0]);
    }

    /** This epoch's values, in the order of {@link #keys}; allocates nothing (an epoch of XOR is one step). */
    void results(double[] into) {
        int i = 0;
        into[i++] = samples == 0 ? Double.NaN : lossSum / samples;
        if (termSums.length > 0) {
            double rest = lossSum;
            for (double t : termSums) {
                rest -= t;
            }
            into[i++] = samples == 0 ? Double.NaN : rest / samples;
            for (double t : termSums) {
                into[i++] = samples == 0 ? Double.NaN : t / samples;
            }
        }
        for (Metric m : metrics) {
            into[i++] = switch (m) {
                case ACCURACY -> samples == 0 ? Double.NaN : correct / samples;
                case MSE -> values == 0 ? Double.NaN : squaredError / values;
                case MAE -> values == 0 ? Double.NaN : absoluteError / values;
                case PRECISION -> truePositives + falsePositives == 0 ? 0 : (double) truePositives
                        / (truePositives + falsePositives);
                case RECALL -> truePositives + falseNegatives == 0 ? 0 : (double) truePositives
                        / (truePositives + falseNegatives);
                case AUC -> auc();
                case TOP_K_ACCURACY -> samples == 0 ? Double.NaN : (double) topK / samples;
                case R2 -> r2();
            };
        }
    }
}
