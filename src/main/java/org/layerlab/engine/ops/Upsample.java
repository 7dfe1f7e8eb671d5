package org.layerlab.engine.ops;

import java.util.Arrays;

import org.layerlab.engine.Tensor;

/**
 * Enlarging images (N, H, W, C) by whole factors, as Keras' UpSampling2D: "nearest" repeats each
 * pixel sh×sw times; "bilinear" samples at pixel centres ((dst + ½)/s − ½, clamped at the edges),
 * which is TensorFlow's half-pixel resize, PyTorch's align_corners=False and ONNX's half_pixel.
 * Backward sends each output gradient to the pixels it was made from, with the same weights.
 */
public final class Upsample {
    private Upsample() {
    }

    public static void forward(Tensor x, Tensor y, int sh, int sw, boolean bilinear) {
        int n = x.batch();
        int h = x.dim(1);
        int w = x.dim(2);
        int c = x.dim(3);
        float[] xd = x.data();
        float[] yd = y.data();
        int oh = h * sh;
        int ow = w * sw;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    if (!bilinear) {
                        System.arraycopy(xd, ((b * h + i / sh) * w + j / sw) * c, yd, o, c);
                        continue;
                    }
                    Tap ti = tap(i, sh, h);
                    Tap tj = tap(j, sw, w);
                    for (int k = 0; k < c; k++) {
                        float top = lerp(xd, ((b * h + ti.lo) * w + tj.lo) * c + k, ((b * h + ti.lo) * w + tj.hi) * c + k, tj.t);
                        float bottom = lerp(xd, ((b * h + ti.hi) * w + tj.lo) * c + k, ((b * h + ti.hi) * w + tj.hi) * c + k,
                                tj.t);
                        yd[o + k] = top + (bottom - top) * ti.t;
                    }
                }
            }
        }
    }

    public static void backward(Tensor dy, Tensor dx, int sh, int sw, boolean bilinear) {
        int n = dx.batch();
        int h = dx.dim(1);
        int w = dx.dim(2);
        int c = dx.dim(3);
        float[] g = dy.data();
        float[] d = dx.data();
        Arrays.fill(d, 0, n * h * w * c, 0f);
        int oh = h * sh;
        int ow = w * sw;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int o = ((b * oh + i) * ow + j) * c;
                    if (!bilinear) {
                        int at = ((b * h + i / sh) * w + j / sw) * c;
                        for (int k = 0; k < c; k++) {
                            d[at + k] += g[o + k];
                        }
                        continue;
                    }
                    Tap ti = tap(i, sh, h);
                    Tap tj = tap(j, sw, w);
                    for (int k = 0; k < c; k++) {
                        float v = g[o + k];
                        d[((b * h + ti.lo) * w + tj.lo) * c + k] += v * (1 - ti.t) * (1 - tj.t);
                        d[((b * h + ti.lo) * w + tj.hi) * c + k] += v * (1 - ti.t) * tj.t;
                        d[((b * h + ti.hi) * w + tj.lo) * c + k] += v * ti.t * (1 - tj.t);
                        d[((b * h + ti.hi) * w + tj.hi) * c + k] += v * ti.t * tj.t;
                    }
                }
            }
        }
    }

    /** The two source pixels of output position dst along one axis and the weight of the second. */
    private record Tap(int lo, int hi, float t) {
    }

    private static Tap tap(int dst, int scale, int size) {
        float src = Math.max((dst + 0.5f) / scale - 0.5f, 0f);
        int lo = Math.min((int) src, size - 1);
        int hi = Math.min(lo + 1, size - 1);
        return new Tap(lo, hi, src - lo);
    }

    private static float lerp(float[] x, int a, int b, float t) {
        return x[a] + (x[b] - x[a]) * t;
    }
}
