package org.layerlab.engine.ops;

import org.layerlab.engine.Parallel;
import org.layerlab.engine.Tensor;

/**
 * Layer normalization over the last axis of each sample row (Keras' default axis −1):
 * y = γ·(x − mean_row)/√(var_row + ε) + β, fused forward and backward.
 *
 * <p>Why it is written so: a Transformer step normalizes four times per block, and rows are short
 * (d_model, 64 here), so the per-row sums are the cost. They run in float with four independent
 * partial sums (the JIT keeps a float sum in order and so cannot vectorize it; four chains run
 * side by side), the variance in a second pass over the row (no cancellation of E[x²] − mean²),
 * and the elementwise parts as plain loops the JIT vectorizes. Rows are split over the cores;
 * each row's arithmetic does not depend on the split, so results are the same on any core count.
 * γ and β gradients are summed over rows after, in row order, for the same reason.
 */
public final class LayerNorm {
    /** Per element: two passes of sums and one of scaling, a few flops each. */
    private static final int COST = 8;

    private LayerNorm() {
    }

    /**
     * Leaves each row's mean and 1/√(var + ε) in stats[0] and stats[1] (each of length rows) for
     * backward; the caller keeps stats, so a step allocates nothing.
     */
    public static void forward(Tensor x, Tensor gamma, Tensor beta, Tensor y, double epsilon, float[][] stats) {
        int c = gamma != null ? gamma.size() : beta.size();
        int rows = x.size() / c;
        Parallel.Args args = Parallel.args();
        args.a = x.data();
        args.b = y.data();
        args.c = gamma == null ? null : gamma.data();
        args.d = beta == null ? null : beta.data();
        args.arrays = stats;
        args.number = epsilon;
        args.width = c;
        Parallel.range(rows, (long) rows * c * COST, args, (p, from, to) -> forwardRows(p.a, p.b, p.c, p.d,
                p.arrays[0], p.arrays[1], p.number, p.width, from, to));
    }

    private static void forwardRows(float[] x, float[] y, float[] gamma, float[] beta, float[] mean, float[] invStd,
                                    double epsilon, int c, int from, int to) {
        for (int r = from; r < to; r++) {
            int o = r * c;
            float m = sum(x, o, c) / c;
            float var = squaredDeviations(x, o, c, m) / c;
            float inv = (float) (1 / Math.sqrt(var + epsilon));
            mean[r] = m;
            invStd[r] = inv;
            if (gamma != null && beta != null) {
                for (int j = 0; j < c; j++) {
                    y[o + j] = (x[o + j] - m) * inv * gamma[j] + beta[j];
                }
            } else {
                for (int j = 0; j < c; j++) {
                    y[o + j] = (x[o + j] - m) * inv * (gamma == null ? 1f : gamma[j]) + (beta == null ? 0f : beta[j]);
                }
            }
        }
    }

    /** dx += invStd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) with ĝ = dy·γ; dγ += Σ dy·x̂; dβ += Σ dy. */
    public static void backward(Tensor x, Tensor dy, Tensor gamma, Tensor dx, Tensor dGamma, Tensor dBeta,
                                float[][] stats) {
        float[] mean = stats[0];
        float[] invStd = stats[1];
        int c = gamma != null ? gamma.size() : dBeta.size();
        int rows = x.size() / c;
        float[] xd = x.data();
        float[] g = dy.data();
        if (dx != null) {
            Parallel.Args args = Parallel.args();
            args.a = xd;
            args.b = g;
            args.c = gamma == null ? null : gamma.data();
            args.d = dx.data();
            args.arrays = stats;
            args.width = c;
            Parallel.range(rows, (long) rows * c * COST, args, (p, from, to) -> inputGradientRows(p.a, p.b, p.c, p.d,
                    p.arrays[0], p.arrays[1], p.width, from, to));
        }
        float[] dg = dGamma == null ? null : dGamma.data();
        float[] db = dBeta == null ? null : dBeta.data();
        for (int r = 0; r < rows; r++) {
            int o = r * c;
            float m = mean[r];
            float inv = invStd[r];
            if (dg != null) {
                for (int j = 0; j < c; j++) {
                    dg[j] += g[o + j] * ((xd[o + j] - m) * inv);
                }
            }
            if (db != null) {
                for (int j = 0; j < c; j++) {
                    db[j] += g[o + j];
                }
            }
        }
    }

    private static void inputGradientRows(float[] x, float[] g, float[] gamma, float[] dx, float[] mean,
                                          float[] invStd, int c, int from, int to) {
        for (int r = from; r < to; r++) {
            int o = r * c;
            float m = mean[r];
            float inv = invStd[r];
            // ĝ = dy·γ and ĝ·x̂, summed with four partial sums each.
            float g0 = 0;
            float g1 = 0;
            float g2 = 0;
            float g3 = 0;
            float h0 = 0;
            float h1 = 0;
            float h2 = 0;
            float h3 = 0;
            int j = 0;
            for (; j + 3 < c; j += 4) {
                float a0 = g[o + j] * scale(gamma, j);
                float a1 = g[o + j + 1] * scale(gamma, j + 1);
                float a2 = g[o + j + 2] * scale(gamma, j + 2);
                float a3 = g[o + j + 3] * scale(gamma, j + 3);
                g0 += a0;
                g1 += a1;
                g2 += a2;
                g3 += a3;
                h0 += a0 * (x[o + j] - m);
                h1 += a1 * (x[o + j + 1] - m);
                h2 += a2 * (x[o + j + 2] - m);
                h3 += a3 * (x[o + j + 3] - m);
            }
            for (; j < c; j++) {
                float a = g[o + j] * scale(gamma, j);
                g0 += a;
                h0 += a * (x[o + j] - m);
            }
            float meanG = ((g0 + g1) + (g2 + g3)) / c;
            // x̂ = (x − m)·inv, so inv·x̂·mean(ĝ·x̂) = (x − m)·inv³·mean(ĝ·(x − m)): one factor per row.
            float k = inv * inv * inv * (((h0 + h1) + (h2 + h3)) / c);
            if (gamma != null) {
                for (int q = 0; q < c; q++) {
                    dx[o + q] += inv * (g[o + q] * gamma[q] - meanG) - (x[o + q] - m) * k;
                }
            } else {
                for (int q = 0; q < c; q++) {
                    dx[o + q] += inv * (g[o + q] - meanG) - (x[o + q] - m) * k;
                }
            }
        }
    }

    private static float scale(float[] gamma, int j) {
        return gamma == null ? 1f : gamma[j];
    }

    /** Σ x[o..o+c) with four partial sums. */
    private static float sum(float[] x, int o, int c) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < c; j += 4) {
            s0 += x[o + j];
            s1 += x[o + j + 1];
            s2 += x[o + j + 2];
            s3 += x[o + j + 3];
        }
        for (; j < c; j++) {
            s0 += x[o + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ (x − m)² over the row, with four partial sums. */
    private static float squaredDeviations(float[] x, int o, int c, float m) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < c; j += 4) {
            float d0 = x[o + j] - m;
            float d1 = x[o + j + 1] - m;
            float d2 = x[o + j + 2] - m;
            float d3 = x[o + j + 3] - m;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; j < c; j++) {
            float d = x[o + j] - m;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
