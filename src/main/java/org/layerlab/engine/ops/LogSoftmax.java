package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Log-softmax over the last axis: y = x − max − log Σ exp(x − max), exact where softmax followed
 * by log would underflow to −∞. x, y (N, ..., C).
 */
public final class LogSoftmax {
    private LogSoftmax() {
    }

    public static void forward(Tensor x, Tensor y) {
        int c = x.dim(x.rank() - 1);
        int rows = x.size() / c;
        float[] xd = x.data();
        float[] yd = y.data();
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, xd[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += Math.exp(xd[o + j] - max);
            }
            double shift = max + Math.log(sum);
            for (int j = 0; j < c; j++) {
                yd[o + j] = (float) (xd[o + j] - shift);
            }
        }
    }

    /** dx += dy − softmax(x) · Σ dy per row, with softmax(x) = exp(y). */
    public static void backward(Tensor y, Tensor dy, Tensor dx) {
        int c = y.dim(y.rank() - 1);
        int rows = y.size() / c;
        float[] yd = y.data();
        float[] g = dy.data();
        float[] d = dx.data();
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += g[o + j];
            }
            for (int j = 0; j < c; j++) {
                d[o + j] += (float) (g[o + j] - Math.exp(yd[o + j]) * sum);
            }
        }
    }
}
