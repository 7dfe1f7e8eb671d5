package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Keras' log_cosh: mean of log(cosh(p − t)), written as e + softplus(−2e) − log 2 so large errors
 * do not overflow; about e²/2 for small errors and |e| − log 2 for large ones.
 */
public final class LogCosh implements LossOp {
    private static final double LOG2 = Math.log(2);

    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int n = p.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = (double) pd[i] - td[i];
            sum += e + ActivationFunction.softplus(-2 * e) - LOG2;
            if (grad != null) {
                grad.data()[i] += (float) (Math.tanh(e) / n);
            }
        }
        return sum / n;
    }
}
