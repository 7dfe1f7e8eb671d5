package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** mean(|p − t|); the gradient at p = t is taken as 0. */
public final class MeanAbsoluteError implements LossOp {
    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int n = p.size();
        float scale = 1f / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = pd[i] - td[i];
            sum += Math.abs(e);
            if (grad != null) {
                grad.data()[i] += scale * Math.signum(e);
            }
        }
        return sum / n;
    }
}
