package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** mean((p − t)²). */
public final class MeanSquaredError implements LossOp {
    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int n = p.size();
        float scale = 2f / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = pd[i] - td[i];
            sum += (double) e * e;
            if (grad != null) {
                grad.data()[i] += scale * e;
            }
        }
        return sum / n;
    }
}
