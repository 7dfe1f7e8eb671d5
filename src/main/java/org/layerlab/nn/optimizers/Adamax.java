package org.layerlab.nn.optimizers;

import org.layerlab.nn.Checks;

/**
 * Keras Adamax (lr 0.001, β1 0.9, β2 0.999, ε 1e-7), Adam with the infinity norm:
 * m += (g − m)(1 − β1); u = max(β2·u, |g|); w −= lr / (1 − β1^t) · m / (u + ε). PyTorch's Adamax
 * defaults to lr 0.002 and ε 1e-8.
 */
public final class Adamax extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public Adamax(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = Checks.inRange(kind(), "beta_1", beta1, 0, 1);
        this.beta2 = Checks.inRange(kind(), "beta_2", beta2, 0, 1);
        this.epsilon = Checks.nonNegative(kind(), "epsilon", epsilon);
    }

    @Override
    public String kind() {
        return "Adamax";
    }

    @Override
    protected int slotCount() {
        return 2;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, int from, int to, double lr, long t) {
        float[] m = s[0];
        float[] u = s[1];
        float alpha = (float) (lr / (1 - Math.pow(beta1, t)));
        float b1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * b1;
            u[i] = Math.max(b2 * u[i], Math.abs(gi));
            w[i] -= alpha * m[i] / (u[i] + eps);
        }
    }
}
