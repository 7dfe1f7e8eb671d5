package org.layerlab.nn.optimizers;

import org.layerlab.nn.Checks;

/**
 * Keras Adadelta (lr 0.001, ρ 0.95, ε 1e-7): a = ρ·a + (1 − ρ)·g²; d = −√(b + ε) / √(a + ε) · g;
 * b = ρ·b + (1 − ρ)·d²; w += lr·d. Keras multiplies the step by the learning rate, unlike the
 * paper (and unlike PyTorch's default lr of 1.0, which makes the two agree only at lr 1).
 */
public final class Adadelta extends Optimizer {
    private final double rho;
    private final double epsilon;

    public Adadelta(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = Checks.inRange(kind(), "rho", rho, 0, 1);
        this.epsilon = Checks.nonNegative(kind(), "epsilon", epsilon);
    }

    @Override
    public String kind() {
        return "Adadelta";
    }

    @Override
    protected int slotCount() {
        return 2;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, int from, int to, double lr, long t) {
        float[] grads = s[0];
        float[] deltas = s[1];
        float r = (float) rho;
        float eps = (float) epsilon;
        float rate = (float) lr;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            grads[i] = r * grads[i] + (1 - r) * gi * gi;
            float d = -(float) Math.sqrt(deltas[i] + eps) / (float) Math.sqrt(grads[i] + eps) * gi;
            deltas[i] = r * deltas[i] + (1 - r) * d * d;
            w[i] += rate * d;
        }
    }
}
