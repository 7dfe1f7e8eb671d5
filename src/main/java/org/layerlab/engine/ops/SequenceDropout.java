package org.layerlab.engine.ops;

import org.layerlab.engine.Gemm;

/**
 * Keras' dropout argument of a recurrent layer, on its input x (N, T, F): one keep-mask per sample
 * and feature, the same at every step (where a Dropout layer draws one per value), kept inputs
 * scaled by 1/(1 − rate); off outside training. {@link Recurrence} projects what {@link #forward}
 * returns, and takes the input's gradient through {@link #backward}.
 */
final class SequenceDropout {
    private double rate;
    private long state;
    private byte[] mask = new byte[0];
    private float[] masked = new float[0];
    private float[] dxMasked = new float[0];
    private boolean on;

    void set(double rate, long seed) {
        this.rate = rate;
        this.state = seed;
    }

    /** The input the projection sees: x itself, or (training with a rate) x through a fresh mask. */
    float[] forward(float[] x, int n, int steps, int features, boolean training) {
        on = training && rate > 0;
        if (!on) {
            return x;
        }
        if (mask.length < n * features) {
            mask = new byte[n * features];
        }
        if (masked.length < n * steps * features) {
            masked = new float[n * steps * features];
        }
        state = Dropout.drawMask(mask, n * features, rate, state);
        float scale = (float) (1 / (1 - rate));
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < steps; t++) {
                int o = (b * steps + t) * features;
                for (int f = 0; f < features; f++) {
                    masked[o + f] = mask[b * features + f] != 0 ? x[o + f] * scale : 0f;
                }
            }
        }
        return masked;
    }

    /** What the last forward pass projected (for the kernel's gradient). */
    float[] seen(float[] x) {
        return on ? masked : x;
    }

    /**
     * dx += d(x·W)·Wᵀ, through the last forward pass's mask: dProjection is (N·T, width), kernel
     * (F, width).
     */
    void backward(float[] dProjection, int width, float[] kernel, float[] dx, int n, int steps, int features) {
        int rows = n * steps;
        if (!on) {
            Gemm.multiply(false, true, rows, features, width, dProjection, 0, width, kernel, 0, width, dx, 0, features,
                    true);
            return;
        }
        if (dxMasked.length < rows * features) {
            dxMasked = new float[rows * features];
        }
        Gemm.multiply(false, true, rows, features, width, dProjection, 0, width, kernel, 0, width, dxMasked, 0,
                features, false);
        float scale = (float) (1 / (1 - rate));
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < steps; t++) {
                int o = (b * steps + t) * features;
                for (int f = 0; f < features; f++) {
                    if (mask[b * features + f] != 0) {
                        dx[o + f] += dxMasked[o + f] * scale;
                    }
                }
            }
        }
    }
}
