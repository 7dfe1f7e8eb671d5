package org.layerlab.data;

import java.util.Arrays;

import org.layerlab.engine.Tensor;

/**
 * Summary statistics of a dataset for the data view: samples per class, and min, mean, max,
 * standard deviation and a histogram ({@link #BINS} equal bins from min to max) of each feature,
 * over all samples as the network sees them. Histograms are kept for tables only (at most
 * {@link #MAX_HISTOGRAMS} features), not for every pixel of an image.
 */
public record DatasetStats(int size, long[] classCounts, double[] min, double[] mean, double[] max, double[] std,
                           long[][] histograms) {
    public static final int BINS = 24;
    public static final int MAX_HISTOGRAMS = 256;

    public static DatasetStats of(Dataset d) {
        int n = d.size();
        int f = d.featureShape().size();
        long[] counts = new long[Math.max(0, d.classNames().size())];
        double[] min = new double[f];
        double[] max = new double[f];
        double[] sum = new double[f];
        double[] sq = new double[f];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        int chunk = 512;
        Tensor x = Tensor.ofBatch(chunk, d.featureShape());
        Tensor y = Tensor.zeros(chunk, d.targetWidth());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            d.gather(order, from, to, x, y);
            float[] xd = x.data();
            for (int r = 0; r < to - from; r++) {
                for (int j = 0; j < f; j++) {
                    double v = xd[r * f + j];
                    min[j] = Math.min(min[j], v);
                    max[j] = Math.max(max[j], v);
                    sum[j] += v;
                    sq[j] += v * v;
                }
                if (counts.length > 0) {
                    int c = (int) y.get(r * d.targetWidth());
                    if (c >= 0 && c < counts.length) {
                        counts[c]++;
                    }
                }
            }
        }
        double[] mean = new double[f];
        double[] std = new double[f];
        for (int j = 0; j < f; j++) {
            mean[j] = n == 0 ? Double.NaN : sum[j] / n;
            std[j] = n == 0 ? Double.NaN : Math.sqrt(Math.max(0, sq[j] / n - mean[j] * mean[j]));
        }
        return new DatasetStats(n, counts, min, mean, max, std, histograms(d, order, min, max));
    }

    private static long[][] histograms(Dataset d, int[] order, double[] min, double[] max) {
        int f = d.featureShape().size();
        if (f > MAX_HISTOGRAMS || d.featureShape().rank() != 1) {
            return new long[0][];
        }
        long[][] h = new long[f][BINS];
        int chunk = 512;
        Tensor x = Tensor.ofBatch(chunk, d.featureShape());
        Tensor y = Tensor.zeros(chunk, d.targetWidth());
        for (int from = 0; from < order.length; from += chunk) {
            int to = Math.min(order.length, from + chunk);
            d.gather(order, from, to, x, y);
            float[] xd = x.data();
            for (int r = 0; r < to - from; r++) {
                for (int j = 0; j < f; j++) {
                    double span = max[j] - min[j];
                    int bin = span > 0 ? (int) ((xd[r * f + j] - min[j]) / span * BINS) : 0;
                    h[j][Math.max(0, Math.min(BINS - 1, bin))]++;
                }
            }
        }
        return h;
    }
}
