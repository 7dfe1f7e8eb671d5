package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

import org.layerlab.nn.Checks;

/**
 * Finite-difference gradient checks. Scalar math (activations, per-element losses, penalties) is
 * written in double and checked in double with PyTorch gradcheck's settings (eps 1e-6, atol 1e-5,
 * rtol 1e-3). Tensor ops store float32, where a 1e-6 step is below the resolution of the values,
 * so they are checked with a step of 1e-3 and tolerances scaled to float32 (atol 2e-3, rtol 1e-2):
 * see docs/decisions/0002-gradient-checks.md.
 */
public final class GradCheck {
    public static final double EPS = 1e-6;
    public static final double ATOL = 1e-5;
    public static final double RTOL = 1e-3;
    public static final float FLOAT_EPS = 1e-3f;
    public static final double FLOAT_ATOL = 2e-3;
    public static final double FLOAT_RTOL = 1e-2;

    private GradCheck() {
    }

    /** Checks df against central differences of f at x, in double. */
    public static void scalar(String what, DoubleUnaryOperator f, DoubleUnaryOperator df, double x) {
        double numeric = (f.applyAsDouble(x + EPS) - f.applyAsDouble(x - EPS)) / (2 * EPS);
        double analytic = df.applyAsDouble(x);
        if (Math.abs(numeric - analytic) > ATOL + RTOL * Math.abs(numeric)) {
            fail(what + " at x=" + x + ": analytic " + analytic + " vs numeric " + numeric);
        }
    }

    /**
     * Checks an analytic gradient of a scalar objective with respect to the values of input. The
     * objective is recomputed by objective.get() after each perturbation.
     */
    public static void tensor(String what, Tensor input, Tensor analyticGrad, Supplier<Double> objective) {
        float[] v = input.data();
        for (int i = 0; i < input.size(); i++) {
            float old = v[i];
            v[i] = old + FLOAT_EPS;
            double plus = objective.get();
            v[i] = old - FLOAT_EPS;
            double minus = objective.get();
            v[i] = old;
            double numeric = (plus - minus) / (2 * FLOAT_EPS);
            double analytic = analyticGrad.data()[i];
            if (Math.abs(numeric - analytic) > FLOAT_ATOL + FLOAT_RTOL * Math.abs(numeric)) {
                fail(what + ": gradient element " + i + " analytic " + analytic + " vs numeric " + numeric);
            }
        }
    }

    /** Σ w_i·y_i in double: a scalar objective whose gradient with respect to y is w. */
    public static double weightedSum(Tensor y, Tensor w) {
        double s = 0;
        for (int i = 0; i < y.size(); i++) {
            s += (double) y.data()[i] * w.data()[i];
        }
        return s;
    }

    public static Tensor random(Random rng, double scale, int... dims) {
        Tensor t = Tensor.zeros(dims);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (float) (rng.nextGaussian() * scale);
        }
        return t;
    }
}
