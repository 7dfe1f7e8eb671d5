package org.layerlab.data;

import org.layerlab.engine.Tensor;

/**
 * Summary statistics of a dataset for the data view: samples per class, and min, mean, max and
 * standard deviation of each feature (over all samples, as the network sees them).
 */
public record DatasetStats(int size, long[] classCounts, double[] min, double[] mean, double[] max, double[] std) {
    public static DatasetStats of(Dataset d) {
        int n = d.size();
        int f = d.featureShape().size();
        long[] counts = new long[Math.max(0, d.classNames().size())];
        double[] min = new double[f];
        double[] max = new double[f];
        double[] sum = new double[f];
        double[] sq = new double[f];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
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
        return new DatasetStats(n, counts, min, mean, max, std);
    }
}
