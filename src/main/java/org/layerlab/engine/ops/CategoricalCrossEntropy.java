package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * −Σ t·log q per sample on outputs that are not a softmax (a softmax output is fused with the
 * loss instead: {@link SoftmaxCrossEntropy}), averaged over the batch. As Keras does, each row is
 * first divided by its sum, q = p / Σp, then clipped to [1e-7, 1 − 1e-7]; so sigmoid outputs
 * are scored as the distribution they imply, and the gradient flows through the division too.
 * PyTorch's NLLLoss on such outputs skips the division.
 */
public final class CategoricalCrossEntropy implements LossOp {
    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int batch = p.batch();
        int c = p.sampleSize();
        double sum = 0;
        for (int r = 0; r < batch; r++) {
            int o = r * c;
            sum += rowLoss(pd, o, c, td, o, -1, grad == null ? null : grad.data(), batch);
        }
        return sum / batch;
    }

    /**
     * One row: −Σ t_j log clip(p_j / s), s = Σ p, with targets t[to..to+c) or, when t is null, the
     * one-hot of label; adds to grad (when not null) the gradient of
     * that loss divided by batch: with g_j = −t_j / clip(q_j) where the clip passes (else 0),
     * dL/dp_i = (g_i − Σ_j g_j·q_j) / s.
     */
    static double rowLoss(float[] p, int o, int c, float[] t, int to, int label, float[] grad, int batch) {
        double s = 0;
        for (int j = 0; j < c; j++) {
            s += p[o + j];
        }
        double loss = 0;
        double dot = 0;
        for (int j = 0; j < c; j++) {
            double tj = t == null ? (j == label ? 1 : 0) : t[to + j];
            if (tj == 0) {
                continue;
            }
            double q = p[o + j] / s;
            double clipped = Math.min(Math.max(q, EPSILON), 1 - EPSILON);
            loss -= tj * Math.log(clipped);
            if (q == clipped) {
                dot += -tj / clipped * q;
            }
        }
        if (grad != null) {
            for (int i = 0; i < c; i++) {
                double q = p[o + i] / s;
                double clipped = Math.min(Math.max(q, EPSILON), 1 - EPSILON);
                double ti = t == null ? (i == label ? 1 : 0) : t[to + i];
                double gi = ti != 0 && q == clipped ? -ti / clipped : 0;
                grad[o + i] += (float) ((gi - dot) / s / batch);
            }
        }
        return loss;
    }
}
