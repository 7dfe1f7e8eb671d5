package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * A loss that is the mean over every value of f(p, t): a subclass gives f and ∂f/∂p in double,
 * and this class does the loop, the mean and the gradient (∂f/∂p / n), as Keras reduces such
 * losses (mean over the last axis, then over the batch, which is the same mean). The formulas are
 * written once, so the gradient check tests exactly what training runs.
 */
abstract class ElementwiseLoss implements LossOp {
    /** f(p, t) for one value. */
    abstract double value(double p, double t);

    /** ∂f/∂p at (p, t). */
    abstract double derivative(double p, double t);

    @Override
    public final double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int n = p.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += value(pd[i], td[i]);
            if (grad != null) {
                grad.data()[i] += (float) (derivative(pd[i], td[i]) / n);
            }
        }
        return sum / n;
    }
}
