package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Average pooling over NHWC windows: x (N, H, W, C) → y (N, outH, outW, C). With "same"
 * padding the average is over the cells inside the image only, as Keras computes it.
 */
public final class AvgPool2D {
    private AvgPool2D() {
    }

    public static void forward(Tensor x, Tensor y, Window w) {
        pass(x.data(), y.data(), x.batch(), w, true);
    }

    /** dx += dy spread evenly over each window's cells. */
    public static void backward(Tensor dy, Tensor dx, Window w) {
        pass(dx.data(), dy.data(), dy.batch(), w, false);
    }

    private static void pass(float[] xd, float[] yd, int n, Window w, boolean forward) {
        int c = w.channels();
        int o = 0;
        for (int b = 0; b < n; b++) {
            int xb = b * w.inputSize();
            for (int oh = 0; oh < w.outH(); oh++) {
                int h0 = Math.max(0, oh * w.strideH() - w.padTop());
                int h1 = Math.min(w.inH(), oh * w.strideH() - w.padTop() + w.kh());
                for (int ow = 0; ow < w.outW(); ow++, o += c) {
                    int w0 = Math.max(0, ow * w.strideW() - w.padLeft());
                    int w1 = Math.min(w.inW(), ow * w.strideW() - w.padLeft() + w.kw());
                    float inv = 1f / ((h1 - h0) * (w1 - w0));
                    if (forward) {
                        for (int ch = 0; ch < c; ch++) {
                            yd[o + ch] = 0f;
                        }
                    }
                    for (int ih = h0; ih < h1; ih++) {
                        for (int iw = w0; iw < w1; iw++) {
                            int idx = xb + (ih * w.inW() + iw) * c;
                            for (int ch = 0; ch < c; ch++) {
                                if (forward) {
                                    yd[o + ch] += xd[idx + ch] * inv;
                                } else {
                                    xd[idx + ch] += yd[o + ch] * inv;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
