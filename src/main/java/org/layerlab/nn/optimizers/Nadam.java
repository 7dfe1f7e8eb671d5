package org.layerlab.nn.optimizers;

import org.layerlab.nn.Checks;

/**
 * Keras Nadam (lr 0.001, β1 0.9, β2 0.999, ε 1e-7): Adam with Nesterov momentum and Dozat's
 * momentum schedule u_t = β1·(1 − ½·0.96^t). With Π_t = u_1⋯u_t:
 * m̂ = u_{t+1}·m / (1 − Π_{t+1}) + (1 − u_t)·g / (1 − Π_t); v̂ = v / (1 − β2^t);
 * w −= lr·m̂ / (√v̂ + ε). PyTorch's NAdam uses the same schedule (momentum_decay 0.004 gives 0.96).
 */
public final class Nadam extends Optimizer {
    private static final double DECAY = 0.96;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double uProduct = 1;
    private double ut;
    private double ut1;
    private double uProductT;
    private double uProductT1;

    public Nadam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = Checks.inRange("Nadam", "beta_1", beta1, 0, 1);
        this.beta2 = Checks.inRange("Nadam", "beta_2", beta2, 0, 1);
        this.epsilon = Checks.nonNegative("Nadam", "epsilon", epsilon);
    }

    public Nadam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    public Nadam() {
        this(0.001);
    }

    @Override
    public String kind() {
        return "Nadam";
    }

    @Override
    protected int slotCount() {
        return 2;
    }

    @Override
    protected void beginStep(long t) {
        ut = beta1 * (1 - 0.5 * Math.pow(DECAY, t));
        ut1 = beta1 * (1 - 0.5 * Math.pow(DECAY, t + 1));
        uProductT = uProduct * ut;
        uProductT1 = uProductT * ut1;
        uProduct = uProductT;
    }

    @Override
    protected void continueRuleState(Optimizer previous) {
        uProduct = ((Nadam) previous).uProduct;
    }

    @Override
    protected double[] ruleState() {
        return new double[] {uProduct};
    }

    @Override
    protected void restoreRuleState(double[] s) {
        uProduct = s.length == 1 ? s[0] : 1;
    }

    @Override
    public void reset() {
        super.reset();
        uProduct = 1;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, int from, int to, double lr, long t) {
        float[] m = s[0];
        float[] v = s[1];
        double beta2Power = Math.pow(beta2, t);
        for (int i = from; i < to; i++) {
            double gi = g[i];
            m[i] += (float) ((gi - m[i]) * (1 - beta1));
            v[i] += (float) ((gi * gi - v[i]) * (1 - beta2));
            double mHat = ut1 * m[i] / (1 - uProductT1) + (1 - ut) * gi / (1 - uProductT);
            double vHat = v[i] / (1 - beta2Power);
            w[i] -= (float) (lr * mHat / (Math.sqrt(vHat) + epsilon));
        }
    }
}
