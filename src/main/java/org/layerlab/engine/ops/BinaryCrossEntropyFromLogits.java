package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Sigmoid and binary cross-entropy fused, on logits z: mean(max(z, 0) − z·t + log(1 + e^−|z|)).
 * Stays finite for any z; the gradient is sigmoid(z) − t.
 */
public final class BinaryCrossEntropyFromLogits implements LossOp {
    @Override
    public double compute(Tensor z, Tensor t, Tensor grad) {
        float[] zd = z.data();
        float[] td = t.data();
        int n = z.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = zd[i];
            double y = td[i];
            sum += Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
            if (grad != null) {
                grad.data()[i] += (float) ((ActivationFunction.sigmoid(x) - y) / n);
            }
        }
        return sum / n;
    }
}
