package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Softmax and sparse categorical cross-entropy fused, on logits z (N, C) with class indices
 * (N, 1): per row logsumexp(z) − z[label]; gradient softmax(z) − onehot(label).
 */
public final class SparseSoftmaxCrossEntropy implements LossOp {
    @Override
    public double compute(Tensor z, Tensor labels, Tensor grad) {
        float[] zd = z.data();
        int batch = z.batch();
        int c = z.sampleSize();
        double sum = 0;
        for (int r = 0; r < batch; r++) {
            int o = r * c;
            int k = SoftmaxCrossEntropy.label(labels, r, c);
            double lse = SoftmaxCrossEntropy.logSumExp(zd, o, c);
            sum += lse - zd[o + k];
            if (grad != null) {
                float[] g = grad.data();
                for (int j = 0; j < c; j++) {
                    g[o + j] += (float) ((Math.exp(zd[o + j] - lse) - (j == k ? 1 : 0)) / batch);
                }
            }
        }
        return sum / batch;
    }
}
