package org.layerlab.nn.optimizers;

import org.layerlab.nn.Checks;

/**
 * Keras Adagrad (lr 0.001, initial accumulator 0.1, epsilon 1e-7): a += g²; w −= lr·g / √(a + ε).
 * PyTorch starts the accumulator at 0 and adds ε outside the root (lr 0.01 default).
 */
public final class Adagrad extends Optimizer {
    private final double initialAccumulator;
    private final double epsilon;

    public Adagrad(double learningRate, double initialAccumulator, double epsilon) {
        super(learningRate);
        this.initialAccumulator = Checks.nonNegative("Adagrad", "initial_accumulator_value", initialAccumulator);
        this.epsilon = Checks.nonNegative("Adagrad", "epsilon", epsilon);
    }

    public Adagrad(double learningRate) {
        this(learningRate, 0.1, 1e-7);
    }

    public Adagrad() {
        this(0.001);
    }

    @Override
    public String kind() {
        return "Adagrad";
    }

    @Override
    protected int slotCount() {
        return 1;
    }

    @Override
    protected float slotInitialValue(int slot) {
        return (float) initialAccumulator;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, int from, int to, double lr, long t) {
        float[] acc = s[0];
        for (int i = from; i < to; i++) {
            double gi = g[i];
            acc[i] += (float) (gi * gi);
            w[i] -= (float) (lr * gi / Math.sqrt(acc[i] + epsilon));
        }
    }
}
