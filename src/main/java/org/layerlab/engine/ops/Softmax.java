package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** Softmax over the last axis, max-shifted so logits of any size are safe. x, y (N, ..., C). */
public final class Softmax {
    private Softmax() {
    }

    public static void forward(Tensor x, Tensor y) {
        int c = x.dim(x.rank() - 1);
        int rows = x.size() / c;
        float[] xd = x.data();
        float[] yd = y.data();
        for (int r = 0; r < rows; r++) {
            row(xd, yd, r * c, c);
        }
    }

    static void row(float[] x, float[] y, int off, int c) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
            max = Math.max(max, x[off + j]);
        }
        // Math.exp, not the Vector API's: its exp gives other last bits compiled (an intrinsic) than
        // before compilation, so the weights would depend on when the JIT got to it, and one seed
        // would not always train the same weights (a 1- and a 2-thread run differed, session 13).
        double sum = 0;
        for (int j = 0; j < c; j++) {
            float e = (float) Math.exp(x[off + j] - max);
            y[off + j] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int j = 0; j < c; j++) {
            y[off + j] *= inv;
        }
    }

    /** dx += y ⊙ (dy − Σ dy ⊙ y) per row. */
    public static void backward(Tensor y, Tensor dy, Tensor dx) {
        int c = y.dim(y.rank() - 1);
        int rows = y.size() / c;
        float[] yd = y.data();
        float[] g = dy.data();
        float[] d = dx.data();
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            double dot = 0;
            for (int j = 0; j < c; j++) {
                dot += g[o + j] * yd[o + j];
            }
            for (int j = 0; j < c; j++) {
                d[o + j] += (float) (yd[o + j] * (g[o + j] - dot));
            }
        }
    }
}
