package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** −Σ t·log p per sample, on probabilities clipped as Keras does, averaged over the batch. */
public final class CategoricalCrossEntropy implements LossOp {
    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int batch = p.batch();
        int n = p.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double raw = pd[i];
            double q = Math.min(Math.max(raw, EPSILON), 1 - EPSILON);
            sum -= td[i] * Math.log(q);
            if (grad != null && raw == q) {
                grad.data()[i] += (float) (-td[i] / q / batch);
            }
        }
        return sum / batch;
    }
}
