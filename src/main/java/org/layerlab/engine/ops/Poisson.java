package org.layerlab.engine.ops;

/** Keras' poisson: mean of p − t·log(p + 1e-7), for counts predicted as rates p ≥ 0. */
public final class Poisson extends ElementwiseLoss {
    @Override
    double value(double p, double t) {
        return p - t * Math.log(p + EPSILON);
    }

    @Override
    double derivative(double p, double t) {
        return 1 - t / (p + EPSILON);
    }
}
