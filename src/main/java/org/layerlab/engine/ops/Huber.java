package org.layerlab.engine.ops;

/** mean of ½e² where |e| ≤ delta, else delta·(|e| − ½delta); e = p − t. */
public final class Huber extends ElementwiseLoss {
    private final double delta;

    public Huber(double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("huber delta must be positive. Received: delta=" + delta);
        }
        this.delta = delta;
    }

    @Override
    double value(double p, double t) {
        double a = Math.abs(p - t);
        return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
    }

    @Override
    double derivative(double p, double t) {
        double e = p - t;
        return Math.abs(e) <= delta ? e : delta * Math.signum(e);
    }
}
