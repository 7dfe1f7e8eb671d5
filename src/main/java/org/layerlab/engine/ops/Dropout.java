package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Inverted dropout with a given keep mask: y = x ⊙ mask / (1 − rate), so evaluation needs no
 * rescaling. The mask holds 1 (kept) or 0 (dropped) per element of x.
 */
public final class Dropout {
    private Dropout() {
    }

    /** Fills mask with a fresh draw from the given generator state; returns the new state. */
    public static long drawMask(byte[] mask, int n, double rate, long state) {
        long s = state;
        // 24-bit uniforms compared with an integer threshold: exact and fast.
        int threshold = (int) Math.round(rate * (1 << 24));
        for (int i = 0; i < n; i++) {
            s = SplitMix.next(s);
            mask[i] = (byte) ((SplitMix.mix(s) >>> 40) >= threshold ? 1 : 0);
        }
        return s;
    }

    public static void forward(Tensor x, byte[] mask, double rate, Tensor y) {
        float scale = (float) (1.0 / (1.0 - rate));
        float[] xd = x.data();
        float[] yd = y.data();
        int n = x.size();
        for (int i = 0; i < n; i++) {
            yd[i] = mask[i] != 0 ? xd[i] * scale : 0f;
        }
    }

    /** dx += dy ⊙ mask / (1 − rate). */
    public static void backward(Tensor dy, byte[] mask, double rate, Tensor dx) {
        float scale = (float) (1.0 / (1.0 - rate));
        float[] g = dy.data();
        float[] d = dx.data();
        int n = dy.size();
        for (int i = 0; i < n; i++) {
            if (mask[i] != 0) {
                d[i] += g[i] * scale;
            }
        }
    }
}
