package org.layerlab.nn.optimizers;

import org.layerlab.nn.Checks;

/**
 * Keras SGD (lr 0.01, momentum 0): v = μ·v − lr·g; w += v, or with Nesterov w += μ·v − lr·g.
 * PyTorch keeps v = μ·v + g and w −= lr·v instead: the same steps under a constant rate, but not
 * when the rate changes, since Keras folds lr into v.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final boolean nesterov;

    public Sgd(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        this.momentum = Checks.inRange("SGD", "momentum", momentum, 0, 1);
        this.nesterov = nesterov;
    }

    public Sgd(double learningRate) {
        this(learningRate, 0, false);
    }

    public Sgd() {
        this(0.01);
    }

    public double momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    @Override
    public String kind() {
        return "SGD";
    }

    @Override
    protected int slotCount() {
        return momentum > 0 ? 1 : 0;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, int from, int to, double lr, long t) {
        float rate = (float) lr;
        if (momentum == 0) {
            for (int i = from; i < to; i++) {
                w[i] -= rate * g[i];
            }
            return;
        }
        float mu = (float) momentum;
        float[] v = s[0];
        for (int i = from; i < to; i++) {
            v[i] = mu * v[i] - rate * g[i];
            w[i] += nesterov ? mu * v[i] - rate * g[i] : v[i];
        }
    }
}
