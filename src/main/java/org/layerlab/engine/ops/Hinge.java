package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Keras' hinge and squared_hinge: mean of max(1 − t·p, 0) (squared for squared_hinge). Targets
 * of 0 and 1 are first turned into −1 and 1, when every target in the batch is 0 or 1, as Keras
 * does.
 */
public final class Hinge implements LossOp {
    private final boolean squared;

    public Hinge(boolean squared) {
        this.squared = squared;
    }

    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int n = p.size();
        boolean binary = true;
        for (int i = 0; i < n && binary; i++) {
            binary = td[i] == 0f || td[i] == 1f;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double y = binary ? 2.0 * td[i] - 1 : td[i];
            double m = Math.max(1 - y * pd[i], 0);
            sum += squared ? m * m : m;
            if (grad != null && m > 0) {
                grad.data()[i] += (float) ((squared ? -2 * m * y : -y) / n);
            }
        }
        return sum / n;
    }
}
