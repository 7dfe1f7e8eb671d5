package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Elementwise merges of several same-shaped inputs: sum, difference (exactly two), product and
 * mean. Backward accumulates each input's share of dy; a null input gradient is skipped.
 */
public final class Merge {
    /** Which merge. */
    public enum Kind { ADD, SUBTRACT, MULTIPLY, AVERAGE }

    private Merge() {
    }

    public static void forward(Kind kind, Tensor[] xs, Tensor y) {
        float[] yd = y.data();
        int n = y.size();
        System.arraycopy(xs[0].data(), 0, yd, 0, n);
        for (int k = 1; k < xs.length; k++) {
            float[] xd = xs[k].data();
            for (int i = 0; i < n; i++) {
                switch (kind) {
                    case ADD, AVERAGE -> yd[i] += xd[i];
                    case SUBTRACT -> yd[i] -= xd[i];
                    case MULTIPLY -> yd[i] *= xd[i];
                }
            }
        }
        if (kind == Kind.AVERAGE) {
            float inv = 1f / xs.length;
            for (int i = 0; i < n; i++) {
                yd[i] *= inv;
            }
        }
    }

    public static void backward(Kind kind, Tensor[] xs, Tensor dy, Tensor[] dxs) {
        float[] g = dy.data();
        int n = dy.size();
        for (int k = 0; k < xs.length; k++) {
            if (dxs[k] == null) {
                continue;
            }
            float[] d = dxs[k].data();
            switch (kind) {
                case ADD -> addScaled(g, d, n, 1f);
                case AVERAGE -> addScaled(g, d, n, 1f / xs.length);
                case SUBTRACT -> addScaled(g, d, n, k == 0 ? 1f : -1f);
                case MULTIPLY -> {
                    for (int i = 0; i < n; i++) {
                        float others = 1f;
                        for (int j = 0; j < xs.length; j++) {
                            if (j != k) {
                                others *= xs[j].data()[i];
                            }
                        }
                        d[i] += g[i] * others;
                    }
                }
            }
        }
    }

    private static void addScaled(float[] g, float[] d, int n, float s) {
        for (int i = 0; i < n; i++) {
            d[i] += s * g[i];
        }
    }
}
