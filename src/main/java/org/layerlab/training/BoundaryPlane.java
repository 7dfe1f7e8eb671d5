package org.layerlab.training;

import java.util.List;

import org.layerlab.data.Dataset;
import org.layerlab.data.Pca;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

/**
 * A plane through the input space of a network with more than two inputs, for drawing its
 * decision regions: every point (u, v) of the plane is the input {@code origin + scale ⊙ (u·a + v·b)}.
 * Either the first two principal components of the training rows (standardized; the regions then
 * show the network on the inputs most like the data), or two chosen features with the others at
 * their mean (u and v are then those features' own values).
 */
public record BoundaryPlane(String xName, String yName, double[] origin, double[] scale, double[] a, double[] b) {
    /** Rows the plane is fitted on: enough for a stable mean and components, few enough to be instant. */
    static final int ROWS = 2000;

    /** The first two principal components of the data's (first 2,000) rows. */
    public static BoundaryPlane principal(Dataset d) {
        float[] x = rows(d);
        int f = d.featureShape().size();
        int n = x.length / f;
        Pca pca = Pca.fit(x, n, f, 2);
        return new BoundaryPlane(String.format("PC 1 (%.0f%% of the variance)", 100 * pca.explained(0)),
                String.format("PC 2 (%.0f%%)", 100 * pca.explained(1)), pca.mean(), pca.scale(), pca.component(0),
                pca.component(1));
    }

    /** Features i and j (their own values on the axes), the others held at their mean. */
    public static BoundaryPlane features(Dataset d, int i, int j) {
        float[] x = rows(d);
        int f = d.featureShape().size();
        int n = x.length / f;
        double[] mean = new double[f];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < f; c++) {
                mean[c] += x[r * f + c] / (double) n;
            }
        }
        mean[i] = 0;
        mean[j] = 0;
        double[] a = new double[f];
        double[] b = new double[f];
        double[] one = new double[f];
        java.util.Arrays.fill(one, 1);
        a[i] = 1;
        b[j] = 1;
        List<String> names = d.featureNames();
        return new BoundaryPlane(name(names, i), name(names, j) + " (others at their mean)", mean, one, a, b);
    }

    private static String name(List<String> names, int i) {
        return i < names.size() ? names.get(i) : "feature " + (i + 1);
    }

    private static float[] rows(Dataset d) {
        int n = Math.min(d.size(), ROWS);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.zeros(n, d.featureShape().size());
        Tensor y = Tensor.ofBatch(n, Shape.of(d.targetWidth()));
        d.gather(order, 0, n, x, y);
        return java.util.Arrays.copyOf(x.data(), n * d.featureShape().size());
    }

    /** Where row r of x (f values per row) lies on the plane: (u, v). */
    public double[] project(float[] x, int r) {
        int f = origin.length;
        double u = 0;
        double v = 0;
        for (int j = 0; j < f; j++) {
            double z = (x[r * f + j] - origin[j]) / scale[j];
            u += z * a[j];
            v += z * b[j];
        }
        return new double[] {u, v};
    }

    /** The input at (u, v), written into out from offset at. */
    public void lift(double u, double v, float[] out, int at) {
        for (int j = 0; j < origin.length; j++) {
            out[at + j] = (float) (origin[j] + scale[j] * (u * a[j] + v * b[j]));
        }
    }

    public int features() {
        return origin.length;
    }
}
