package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Batch normalization over the last axis (channels of NHWC images, features of flat inputs),
 * fused forward and backward. Training: statistics of this batch, moving averages updated as
 * moving = moving·momentum + batch·(1 − momentum) (Keras; variance unbiased as Keras does not).
 * Inference: the moving statistics. gamma or beta may be null (scale / center off).
 */
public final class BatchNorm {
    private BatchNorm() {
    }

    /**
     * Training forward. Leaves the per-channel mean and 1/√(var + ε) in mean and invStd for backward.
     */
    public static void forwardTraining(Tensor x, Tensor gamma, Tensor beta, Tensor y, double epsilon, double momentum,
                                       Tensor movingMean, Tensor movingVar, float[] mean, float[] invStd) {
        int c = mean.length;
        int rows = x.size() / c;
        float[] xd = x.data();
        double[] sum = new double[c];
        double[] sq = new double[c];
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            for (int ch = 0; ch < c; ch++) {
                double v = xd[o + ch];
                sum[ch] += v;
                sq[ch] += v * v;
            }
        }
        for (int ch = 0; ch < c; ch++) {
            double m = sum[ch] / rows;
            double var = Math.max(0, sq[ch] / rows - m * m);
            mean[ch] = (float) m;
            invStd[ch] = (float) (1 / Math.sqrt(var + epsilon));
            if (movingMean != null) {
                movingMean.data()[ch] = (float) (movingMean.data()[ch] * momentum + m * (1 - momentum));
                movingVar.data()[ch] = (float) (movingVar.data()[ch] * momentum + var * (1 - momentum));
            }
        }
        normalize(x, gamma, beta, y, mean, invStd);
    }

    /** Inference forward with the moving statistics. */
    public static void forwardInference(Tensor x, Tensor gamma, Tensor beta, Tensor y, double epsilon,
                                        Tensor movingMean, Tensor movingVar, float[] mean, float[] invStd) {
        for (int ch = 0; ch < mean.length; ch++) {
            mean[ch] = movingMean.data()[ch];
            invStd[ch] = (float) (1 / Math.sqrt(movingVar.data()[ch] + epsilon));
        }
        normalize(x, gamma, beta, y, mean, invStd);
    }

    private static void normalize(Tensor x, Tensor gamma, Tensor beta, Tensor y, float[] mean, float[] invStd) {
        int c = mean.length;
        int rows = x.size() / c;
        float[] xd = x.data();
        float[] yd = y.data();
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            for (int ch = 0; ch < c; ch++) {
                float v = (xd[o + ch] - mean[ch]) * invStd[ch];
                if (gamma != null) {
                    v *= gamma.data()[ch];
                }
                if (beta != null) {
                    v += beta.data()[ch];
                }
                yd[o + ch] = v;
            }
        }
    }

    /**
     * Training backward: dγ += Σ dy·x̂, dβ += Σ dy, and dx += γ·invStd/m·(m·dy − Σdy − x̂·Σ dy·x̂).
     */
    public static void backward(Tensor x, Tensor dy, Tensor gamma, Tensor dx, Tensor dGamma, Tensor dBeta,
                                float[] mean, float[] invStd) {
        int c = mean.length;
        int rows = x.size() / c;
        float[] xd = x.data();
        float[] g = dy.data();
        double[] sumDy = new double[c];
        double[] sumDyXhat = new double[c];
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            for (int ch = 0; ch < c; ch++) {
                double xhat = (xd[o + ch] - mean[ch]) * invStd[ch];
                sumDy[ch] += g[o + ch];
                sumDyXhat[ch] += g[o + ch] * xhat;
            }
        }
        for (int ch = 0; ch < c; ch++) {
            if (dGamma != null) {
                dGamma.data()[ch] += (float) sumDyXhat[ch];
            }
            if (dBeta != null) {
                dBeta.data()[ch] += (float) sumDy[ch];
            }
        }
        if (dx == null) {
            return;
        }
        float[] d = dx.data();
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            for (int ch = 0; ch < c; ch++) {
                double scale = (gamma == null ? 1 : gamma.data()[ch]) * invStd[ch] / rows;
                double xhat = (xd[o + ch] - mean[ch]) * invStd[ch];
                d[o + ch] += (float) (scale * (rows * g[o + ch] - sumDy[ch] - xhat * sumDyXhat[ch]));
            }
        }
    }

    /** Inference backward (statistics are constants): dx += γ·invStd·dy. */
    public static void backwardInference(Tensor dy, Tensor gamma, Tensor dx, float[] invStd) {
        int c = invStd.length;
        float[] g = dy.data();
        float[] d = dx.data();
        for (int i = 0, n = dy.size(); i < n; i++) {
            int ch = i % c;
            d[i] += (gamma == null ? 1f : gamma.data()[ch]) * invStd[ch] * g[i];
        }
    }
}
