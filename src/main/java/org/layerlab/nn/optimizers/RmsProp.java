package org.layerlab.nn.optimizers;

import org.layerlab.nn.Checks;

/**
 * Keras RMSprop (lr 0.001, rho 0.9, momentum 0, epsilon 1e-7): ms = ρ·ms + (1−ρ)·g²;
 * step = lr·g / √(ms + ε) (centered: ms − mean(g)² under the root); w −= step, or through plain
 * momentum m = μ·m + step. PyTorch puts ε outside the root (√ms + ε) and defaults rho (alpha) to 0.99.
 */
public final class RmsProp extends Optimizer {
    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final boolean centered;

    public RmsProp(double learningRate, double rho, double momentum, double epsilon, boolean centered) {
        super(learningRate);
        this.rho = Checks.inRange("RMSprop", "rho", rho, 0, 1);
        this.momentum = Checks.inRange("RMSprop", "momentum", momentum, 0, 1);
        this.epsilon = Checks.nonNegative("RMSprop", "epsilon", epsilon);
        this.centered = centered;
    }

    public RmsProp(double learningRate) {
        this(learningRate, 0.9, 0, 1e-7, false);
    }

    public RmsProp() {
        this(0.001);
    }

    @Override
    public String kind() {
        return "RMSprop";
    }

    @Override
    protected int slotCount() {
        return 3;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, int from, int to, double lr, long t) {
        float[] ms = s[0];
        float[] mg = s[1];
        float[] mom = s[2];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            ms[i] = (float) (rho * ms[i] + (1 - rho) * gi * gi);
            double denom = ms[i] + epsilon;
            if (centered) {
                mg[i] = (float) (rho * mg[i] + (1 - rho) * gi);
                denom -= (double) mg[i] * mg[i];
            }
            double step = lr * gi / Math.sqrt(denom);
            if (momentum > 0) {
                mom[i] = (float) (momentum * mom[i] + step);
                w[i] -= mom[i];
            } else {
                w[i] -= (float) step;
            }
        }
    }
}
