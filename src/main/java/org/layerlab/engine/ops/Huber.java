package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** mean of ½e² where |e| ≤ delta, else delta·(|e| − ½delta); e = p − t. */
public final class Huber implements LossOp {
    private final double delta;

    public Huber(double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("huber delta must be positive. Received: delta=" + delta);
        }
        this.delta = delta;
    }

    @Override
    public double compute(Tensor p, Tensor t, Tensor grad) {
        float[] pd = p.data();
        float[] td = t.data();
        int n = p.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = pd[i] - td[i];
            double a = Math.abs(e);
            sum += a <= delta ? 0.5 * e * e : delta * (a - 0.5 * delta);
            if (grad != null) {
                grad.data()[i] += (float) ((a <= delta ? e : delta * Math.signum(e)) / n);
            }
        }
        return sum / n;
    }
}
