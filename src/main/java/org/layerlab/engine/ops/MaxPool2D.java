package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Max pooling over NHWC windows: x (N, H, W, C) → y (N, outH, outW, C). Forward records, per
 * output, the input index that won (the first of tied maxima), and backward routes the whole
 * gradient to it, as PyTorch and TensorFlow do. Padding cells never win.
 */
public final class MaxPool2D {
    private MaxPool2D() {
    }

    public static void forward(Tensor x, Tensor y, Window w, int[] argMax) {
        float[] xd = x.data();
        float[] yd = y.data();
        int c = w.channels();
        int n = x.batch();
        int o = 0;
        for (int b = 0; b < n; b++) {
            int xb = b * w.inputSize();
            for (int oh = 0; oh < w.outH(); oh++) {
                int h0 = oh * w.strideH() - w.padTop();
                for (int ow = 0; ow < w.outW(); ow++) {
                    int w0 = ow * w.strideW() - w.padLeft();
                    for (int ch = 0; ch < c; ch++, o++) {
                        float best = Float.NEGATIVE_INFINITY;
                        int at = -1;
                        for (int i = 0; i < w.kh(); i++) {
                            int ih = h0 + i;
                            if (ih < 0 || ih >= w.inH()) {
                                continue;
                            }
                            for (int j = 0; j < w.kw(); j++) {
                                int iw = w0 + j;
                                if (iw < 0 || iw >= w.inW()) {
                                    continue;
                                }
                                int idx = xb + (ih * w.inW() + iw) * c + ch;
                                float v = xd[idx];
                                // '!(v <= best)' lets a NaN win, so it propagates instead of vanishing.
                                if (at < 0 || !(v <= best)) {
                                    best = v;
                                    at = idx;
                                }
                            }
                        }
                        yd[o] = best;
                        argMax[o] = at;
                    }
                }
            }
        }
    }

    /** dx[argMax[o]] += dy[o]. */
    public static void backward(Tensor dy, Tensor dx, int[] argMax) {
        float[] g = dy.data();
        float[] d = dx.data();
        int n = dy.size();
        for (int o = 0; o < n; o++) {
            d[argMax[o]] += g[o];
        }
    }
}
