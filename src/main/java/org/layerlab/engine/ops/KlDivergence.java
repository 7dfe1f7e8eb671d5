package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Keras' kl_divergence: per sample Σ t·log(t / p) over the last axis, t and p clipped to
 * [1e-7, 1] first, averaged over the batch. p (N, C), t (N, C).
 */
public final class KlDivergence implements LossOp {
    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int batch = p.batch();
        double sum = 0;
        for (int i = 0, n = p.size(); i < n; i++) {
            double raw = pd[i];
            double q = Math.min(Math.max(raw, EPSILON), 1);
            double y = Math.min(Math.max(td[i], EPSILON), 1);
            sum += y * Math.log(y / q);
            // The clip passes no gradient where it bites, as in Keras.
            if (grad != null && raw == q) {
                grad.data()[i] += (float) (-y / q / batch);
            }
        }
        return sum / batch;
    }
}
