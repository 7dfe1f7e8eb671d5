package org.layerlab.nn.optimizers;

import org.layerlab.nn.Checks;

/**
 * Keras Adam (lr 0.001, β1 0.9, β2 0.999, ε 1e-7): m += (g − m)(1 − β1); v += (g² − v)(1 − β2);
 * w −= α·m / (√v + ε) with α = lr·√(1 − β2^t) / (1 − β1^t). PyTorch uses ε = 1e-8 and applies ε
 * to the bias-corrected √v̂, which differs slightly in the first steps. With amsgrad the step
 * divides by the running maximum of v instead of v (Keras keeps the maximum of the raw v).
 */
public class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean amsgrad;

    public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
        super(learningRate);
        this.beta1 = Checks.inRange(kind(), "beta_1", beta1, 0, 1);
        this.beta2 = Checks.inRange(kind(), "beta_2", beta2, 0, 1);
        this.epsilon = Checks.nonNegative(kind(), "epsilon", epsilon);
        this.amsgrad = amsgrad;
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, false);
    }

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    public Adam() {
        this(0.001);
    }

    @Override
    public String kind() {
        return "Adam";
    }

    @Override
    protected int slotCount() {
        return amsgrad ? 3 : 2;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] s, int from, int to, double lr, long t) {
        float[] m = s[0];
        float[] v = s[1];
        float alpha = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float b1 = (float) (1 - beta1);
        float b2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        if (amsgrad) {
            float[] vMax = s[2];
            for (int i = from; i < to; i++) {
                float gi = g[i];
                m[i] += (gi - m[i]) * b1;
                v[i] += (gi * gi - v[i]) * b2;
                vMax[i] = Math.max(vMax[i], v[i]);
                w[i] -= alpha * m[i] / ((float) Math.sqrt(vMax[i]) + eps);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * b1;
            v[i] += (gi * gi - v[i]) * b2;
            w[i] -= alpha * m[i] / ((float) Math.sqrt(v[i]) + eps);
        }
    }
}
