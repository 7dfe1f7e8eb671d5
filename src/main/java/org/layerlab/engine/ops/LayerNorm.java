package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Layer normalization over the last axis of each sample row (Keras' default axis −1):
 * y = γ·(x − mean_row)/√(var_row + ε) + β, fused forward and backward.
 */
public final class LayerNorm {
    private LayerNorm() {
    }

    /** Leaves each row's mean and 1/√(var + ε) in mean and invStd (length = rows) for backward. */
    public static void forward(Tensor x, Tensor gamma, Tensor beta, Tensor y, double epsilon, float[] mean,
                               float[] invStd) {
        int c = gamma != null ? gamma.size() : beta.size();
        int rows = x.size() / c;
        float[] xd = x.data();
        float[] yd = y.data();
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            double s = 0;
            double sq = 0;
            for (int j = 0; j < c; j++) {
                s += xd[o + j];
                sq += (double) xd[o + j] * xd[o + j];
            }
            double m = s / c;
            double inv = 1 / Math.sqrt(Math.max(0, sq / c - m * m) + epsilon);
            mean[r] = (float) m;
            invStd[r] = (float) inv;
            for (int j = 0; j < c; j++) {
                float v = (float) ((xd[o + j] - m) * inv);
                yd[o + j] = v * (gamma == null ? 1f : gamma.data()[j]) + (beta == null ? 0f : beta.data()[j]);
            }
        }
    }

    /** dx += invStd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) with ĝ = dy·γ; dγ += Σ dy·x̂; dβ += Σ dy. */
    public static void backward(Tensor x, Tensor dy, Tensor gamma, Tensor dx, Tensor dGamma, Tensor dBeta,
                                float[] mean, float[] invStd) {
        int c = gamma != null ? gamma.size() : dBeta.size();
        int rows = x.size() / c;
        float[] xd = x.data();
        float[] g = dy.data();
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            double sumG = 0;
            double sumGX = 0;
            for (int j = 0; j < c; j++) {
                double xhat = (xd[o + j] - mean[r]) * invStd[r];
                double gj = g[o + j] * (gamma == null ? 1 : gamma.data()[j]);
                sumG += gj;
                sumGX += gj * xhat;
                if (dGamma != null) {
                    dGamma.data()[j] += (float) (g[o + j] * xhat);
                }
                if (dBeta != null) {
                    dBeta.data()[j] += g[o + j];
                }
            }
            if (dx == null) {
                continue;
            }
            for (int j = 0; j < c; j++) {
                double xhat = (xd[o + j] - mean[r]) * invStd[r];
                double gj = g[o + j] * (gamma == null ? 1 : gamma.data()[j]);
                dx.data()[o + j] += (float) (invStd[r] * (gj - sumG / c - xhat * sumGX / c));
            }
        }
    }
}
