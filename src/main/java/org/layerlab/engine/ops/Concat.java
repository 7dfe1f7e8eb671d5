package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Concatenation along one axis of the per-sample shape. Each input is viewed as (outer, width_k)
 * where outer is the batch times the sizes before the axis and width_k the size of the axis and
 * everything after it; the output row interleaves those blocks in input order.
 */
public final class Concat {
    private Concat() {
    }

    /** widths[k] = values of input k per outer index. */
    public static void forward(Tensor[] xs, int[] widths, Tensor y) {
        int total = sum(widths);
        int outer = y.size() / total;
        float[] yd = y.data();
        for (int o = 0; o < outer; o++) {
            int at = o * total;
            for (int k = 0; k < xs.length; k++) {
                System.arraycopy(xs[k].data(), o * widths[k], yd, at, widths[k]);
                at += widths[k];
            }
        }
    }

    public static void backward(Tensor dy, int[] widths, Tensor[] dxs) {
        int total = sum(widths);
        int outer = dy.size() / total;
        float[] g = dy.data();
        for (int o = 0; o < outer; o++) {
            int at = o * total;
            for (int k = 0; k < dxs.length; k++) {
                if (dxs[k] != null) {
                    float[] d = dxs[k].data();
                    int base = o * widths[k];
                    for (int i = 0; i < widths[k]; i++) {
                        d[base + i] += g[at + i];
                    }
                }
                at += widths[k];
            }
        }
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }
}
