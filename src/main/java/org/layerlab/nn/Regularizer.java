package org.layerlab.nn;

/**
 * Keras weight penalties: l1·Σ|w| + l2·Σw², added to the loss, with gradient l1·sign(w) + 2·l2·w.
 */
public record Regularizer(double l1, double l2) {
    public static final Regularizer NONE = new Regularizer(0, 0);

    public Regularizer {
        Checks.nonNegative("Regularizer", "l1", l1);
        Checks.nonNegative("Regularizer", "l2", l2);
    }

    /** Keras l1(0.01) by default. */
    public static Regularizer l1(double l1) {
        return new Regularizer(l1, 0);
    }

    public static Regularizer l2(double l2) {
        return new Regularizer(0, l2);
    }

    public static Regularizer l1l2(double l1, double l2) {
        return new Regularizer(l1, l2);
    }

    public boolean isNone() {
        return l1 == 0 && l2 == 0;
    }

    /** The penalty of one weight. */
    public double penalty(double w) {
        return l1 * Math.abs(w) + l2 * w * w;
    }

    /** d penalty / d w for one weight (0 at w = 0 for the l1 part). */
    public double gradient(double w) {
        return l1 * Math.signum(w) + 2 * l2 * w;
    }

    /** The penalty for these weights. */
    public double penalty(float[] w, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += penalty(w[i]);
        }
        return s;
    }

    /** grad += d penalty / d w. */
    public void addGradient(float[] w, float[] grad, int n) {
        for (int i = 0; i < n; i++) {
            grad[i] += (float) gradient(w[i]);
        }
    }

    public String kerasName() {
        return l1 != 0 && l2 != 0 ? "l1_l2" : l1 != 0 ? "l1" : l2 != 0 ? "l2" : "none";
    }
}
