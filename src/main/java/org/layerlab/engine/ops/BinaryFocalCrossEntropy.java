package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Keras' binary_focal_crossentropy: the binary cross-entropy of each value (probabilities clipped
 * to [1e-7, 1 − 1e-7]) weighted by (1 − p_t)^γ, p_t = t·p + (1 − t)·(1 − p), so confident right
 * answers count little; with apply_class_balancing, also by α for positives and 1 − α for
 * negatives (α alone does nothing, as in Keras). On logits, the sigmoid comes first. Mean over
 * all values.
 */
public final class BinaryFocalCrossEntropy implements LossOp {
    private final double gamma;
    private final double alpha;
    private final boolean balance;
    private final boolean onLogits;

    public BinaryFocalCrossEntropy(double gamma, double alpha, boolean balance, boolean onLogits) {
        if (!(gamma >= 0)) {
            throw new IllegalArgumentException("binary_focal_crossentropy: gamma must be >= 0. Received: gamma=" + gamma);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("binary_focal_crossentropy: alpha must be in [0, 1]. Received: alpha=" + alpha);
        }
        this.gamma = gamma;
        this.alpha = alpha;
        this.balance = balance;
        this.onLogits = onLogits;
    }

    @Override
    public double compute(Tensor out, Tensor t, Tensor grad) {
        float[] od = out.data();
        float[] td = t.data();
        int n = out.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double p = onLogits ? ActivationFunction.sigmoid(od[i]) : od[i];
            double y = td[i];
            double q = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
            double bce = -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
            double pt = y * p + (1 - y) * (1 - p);
            double focal = Math.pow(1 - pt, gamma);
            double weight = balance ? y * alpha + (1 - y) * (1 - alpha) : 1;
            sum += weight * focal * bce;
            if (grad != null) {
                double dBce = p == q ? (q - y) / (q * (1 - q)) : 0;
                double dFocal = gamma == 0 ? 0 : -gamma * Math.pow(1 - pt, gamma - 1) * (2 * y - 1);
                double dp = weight * (dFocal * bce + focal * dBce);
                double dOut = onLogits ? dp * p * (1 - p) : dp;
                grad.data()[i] += (float) (dOut / n);
            }
        }
        return sum / n;
    }
}
