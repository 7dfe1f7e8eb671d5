package org.layerlab.data;

import java.util.Arrays;

import org.layerlab.engine.Tensor;

/**
 * The first rows of a dataset, gathered once for drawing (image grid or scatter), with the
 * first two principal components of table data so the scatter can show data of any width.
 */
public record DataPreview(int rows, float[] features, float[] targets, Pca pca) {
    public static final int MAX_ROWS = 2000;

    public static DataPreview of(Dataset d) {
        int n = Math.min(MAX_ROWS, d.size());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.ofBatch(Math.max(1, n), d.featureShape());
        Tensor y = Tensor.zeros(Math.max(1, n), d.targetWidth());
        d.gather(order, 0, n, x, y);
        int f = d.featureShape().size();
        float[] xs = Arrays.copyOf(x.data(), n * f);
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            ys[i] = y.get(i * d.targetWidth());
        }
        boolean table = d.featureShape().rank() == 1 && f >= 2 && f <= DatasetStats.MAX_HISTOGRAMS;
        return new DataPreview(n, xs, ys, table && n >= 2 ? Pca.fit(xs, n, f, 2) : null);
    }
}
