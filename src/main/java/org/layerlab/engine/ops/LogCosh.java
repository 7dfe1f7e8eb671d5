package org.layerlab.engine.ops;

/**
 * Keras' log_cosh: mean of log(cosh(p − t)), written as e + softplus(−2e) − log 2 so large errors
 * do not overflow; about e²/2 for small errors and |e| − log 2 for large ones.
 */
public final class LogCosh extends ElementwiseLoss {
    private static final double LOG2 = Math.log(2);

    @Override
    double value(double p, double t) {
        double e = p - t;
        return e + ActivationFunction.softplus(-2 * e) - LOG2;
    }

    @Override
    double derivative(double p, double t) {
        return Math.tanh(p - t);
    }
}
