package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * −log q[label] per sample on outputs (N, C) that are not a softmax, with integer labels (N, 1),
 * batch-averaged; q = p / Σp clipped to [1e-7, 1 − 1e-7], as Keras does (see
 * {@link CategoricalCrossEntropy}).
 */
public final class SparseCategoricalCrossEntropy implements LossOp {
    @Override
    public double compute(Tensor p, Tensor labels, Tensor grad) {
        float[] pd = p.data();
        int batch = p.batch();
        int c = p.sampleSize();
        double sum = 0;
        for (int r = 0; r < batch; r++) {
            int k = SoftmaxCrossEntropy.label(labels, r, c);
            sum += CategoricalCrossEntropy.rowLoss(pd, r * c, c, null, 0, k, grad == null ? null : grad.data(), batch);
        }
        return sum / batch;
    }
}
