package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Parametric ReLU: y = x for x > 0, else α·x, with one learned α per value of a sample (α has the
 * sample's shape and is shared across the batch). x, y (N, ...); α (...).
 */
public final class PRelu {
    private PRelu() {
    }

    public static void forward(Tensor x, Tensor alpha, Tensor y) {
        float[] xd = x.data();
        float[] a = alpha.data();
        float[] yd = y.data();
        int per = a.length;
        for (int i = 0, n = x.size(); i < n; i++) {
            float v = xd[i];
            yd[i] = v > 0 ? v : a[i % per] * v;
        }
    }

    /** dx += dy·(x > 0 ? 1 : α); dα += Σ over the batch of dy·x where x ≤ 0. */
    public static void backward(Tensor x, Tensor alpha, Tensor dy, Tensor dx, Tensor dAlpha) {
        float[] xd = x.data();
        float[] a = alpha.data();
        float[] g = dy.data();
        int per = a.length;
        float[] d = dx == null ? null : dx.data();
        float[] da = dAlpha.data();
        for (int i = 0, n = x.size(); i < n; i++) {
            float v = xd[i];
            int k = i % per;
            if (v > 0) {
                if (d != null) {
                    d[i] += g[i];
                }
            } else {
                if (d != null) {
                    d[i] += g[i] * a[k];
                }
                da[k] += g[i] * v;
            }
        }
    }
}
