package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** −log p[label] per sample on probabilities (N, C) with integer labels (N, 1), batch-averaged. */
public final class SparseCategoricalCrossEntropy implements LossOp {
    @Override
    public double compute(Tensor p, Tensor labels, Tensor grad) {
        float[] pd = p.data();
        int batch = p.batch();
        int c = p.sampleSize();
        double sum = 0;
        for (int r = 0; r < batch; r++) {
            int k = SoftmaxCrossEntropy.label(labels, r, c);
            double raw = pd[r * c + k];
            double q = Math.min(Math.max(raw, EPSILON), 1 - EPSILON);
            sum -= Math.log(q);
            if (grad != null && raw == q) {
                grad.data()[r * c + k] += (float) (-1 / q / batch);
            }
        }
        return sum / batch;
    }
}
