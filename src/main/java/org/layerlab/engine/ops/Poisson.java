package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** Keras' poisson: mean of p − t·log(p + 1e-7), for counts predicted as rates p ≥ 0. */
public final class Poisson implements LossOp {
    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int n = p.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double q = pd[i];
            double y = td[i];
            sum += q - y * Math.log(q + EPSILON);
            if (grad != null) {
                grad.data()[i] += (float) ((1 - y / (q + EPSILON)) / n);
            }
        }
        return sum / n;
    }
}
