package org.layerlab.nn.optimizers;

import org.layerlab.nn.Checks;

/**
 * Keras Lion (lr 0.001, β1 0.9, β2 0.99): w −= lr·sign(β1·m + (1 − β1)·g), then
 * m = β2·m + (1 − β2)·g. Every weight moves by exactly lr a step, so Lion wants a learning rate
 * 3-10× smaller than Adam's.
 */
public final class Lion extends Optimizer {
    private final double beta1;
    private final double beta2;

    public Lion(double learningRate, double beta1, double beta2) {
        super(learningRate);
        this.beta1 = Checks.inRange(kind(), "beta_1", beta1, 0, 1);
        this.beta2 = Checks.inRange(kind(), "beta_2", beta2, 0, 1);
    }

    @Override
    public String kind() {
        return "Lion";
    }

    @Override
    protected int slotCount() {
        return 1;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, int from, int to, double lr, long t) {
        float[] m = s[0];
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float rate = (float) lr;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            w[i] -= rate * Math.signum(b1 * m[i] + (1 - b1) * gi);
            m[i] = b2 * m[i] + (1 - b2) * gi;
        }
    }
}
