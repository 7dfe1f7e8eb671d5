package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** −mean(t·log p + (1 − t)·log(1 − p)) on probabilities, clipped as Keras does. */
public final class BinaryCrossEntropy implements LossOp {
    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int n = p.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double raw = pd[i];
            double q = Math.min(Math.max(raw, EPSILON), 1 - EPSILON);
            double y = td[i];
            sum -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
            if (grad != null && raw == q) {
                grad.data()[i] += (float) ((q - y) / (q * (1 - q)) / n);
            }
        }
        return sum / n;
    }
}
