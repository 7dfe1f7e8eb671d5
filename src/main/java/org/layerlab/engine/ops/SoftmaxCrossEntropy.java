package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Softmax and categorical cross-entropy fused, on logits z (N, C) with target distributions t
 * (N, C): per row logsumexp(z)·Σt − Σ t·z, whose gradient is softmax(z)·Σt − t. Stable for logits
 * of any size because logsumexp is max-shifted.
 */
public final class SoftmaxCrossEntropy implements LossOp {
    @Override
    public double compute(Tensor z, Tensor t, Tensor grad) {
        float[] zd = z.data();
        float[] td = t.data();
        int batch = z.batch();
        int c = z.sampleSize();
        double sum = 0;
        for (int r = 0; r < batch; r++) {
            int o = r * c;
            double lse = logSumExp(zd, o, c);
            double tSum = 0;
            double dot = 0;
            for (int j = 0; j < c; j++) {
                tSum += td[o + j];
                dot += td[o + j] * (double) zd[o + j];
            }
            sum += lse * tSum - dot;
            if (grad != null) {
                float[] g = grad.data();
                for (int j = 0; j < c; j++) {
                    g[o + j] += (float) ((Math.exp(zd[o + j] - lse) * tSum - td[o + j]) / batch);
                }
            }
        }
        return sum / batch;
    }

    static double logSumExp(float[] z, int off, int c) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
            max = Math.max(max, z[off + j]);
        }
        double s = 0;
        for (int j = 0; j < c; j++) {
            s += Math.exp(z[off + j] - max);
        }
        return max + Math.log(s);
    }

    /** The class index stored for sample r, checked against the number of classes. */
    static int label(Tensor labels, int r, int classes) {
        float v = labels.data()[r * labels.sampleSize()];
        int k = (int) v;
        if (k != v || k < 0 || k >= classes) {
            throw new IllegalArgumentException("label " + v + " of sample " + r + " is not a class index in [0, "
                    + (classes - 1) + "]: the output layer has " + classes + " units");
        }
        return k;
    }
}
