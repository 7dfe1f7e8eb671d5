package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** Global average and max pooling: x (N, H, W, C) → y (N, C), over all pixels of each channel. */
public final class GlobalPool {
    private GlobalPool() {
    }

    public static void averageForward(Tensor x, Tensor y) {
        int n = x.batch();
        int c = y.sampleSize();
        int pixels = x.sampleSize() / c;
        float[] xd = x.data();
        float[] yd = y.data();
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                yd[b * c + ch] = 0f;
            }
            for (int p = 0; p < pixels; p++) {
                int base = (b * pixels + p) * c;
                for (int ch = 0; ch < c; ch++) {
                    yd[b * c + ch] += xd[base + ch];
                }
            }
            for (int ch = 0; ch < c; ch++) {
                yd[b * c + ch] /= pixels;
            }
        }
    }

    public static void averageBackward(Tensor dy, Tensor dx) {
        int n = dy.batch();
        int c = dy.sampleSize();
        int pixels = dx.sampleSize() / c;
        float[] g = dy.data();
        float[] d = dx.data();
        float inv = 1f / pixels;
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < pixels; p++) {
                int base = (b * pixels + p) * c;
                for (int ch = 0; ch < c; ch++) {
                    d[base + ch] += g[b * c + ch] * inv;
                }
            }
        }
    }

    public static void maxForward(Tensor x, Tensor y, int[] argMax) {
        int n = x.batch();
        int c = y.sampleSize();
        int pixels = x.sampleSize() / c;
        float[] xd = x.data();
        float[] yd = y.data();
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int best = b * pixels * c + ch;
                for (int p = 1; p < pixels; p++) {
                    int idx = (b * pixels + p) * c + ch;
                    if (!(xd[idx] <= xd[best])) {
                        best = idx;
                    }
                }
                yd[b * c + ch] = xd[best];
                argMax[b * c + ch] = best;
            }
        }
    }

    public static void maxBackward(Tensor dy, Tensor dx, int[] argMax) {
        MaxPool2D.backward(dy, dx, argMax);
    }
}
