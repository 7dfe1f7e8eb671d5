package org.layerlab.nn.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.schedules.CosineDecay;
import org.layerlab.nn.schedules.ExponentialDecay;
import org.layerlab.nn.schedules.StepDecay;

/**
 * Two steps of each optimizer on one weight with fixed gradients, against the published update
 * rule written out here in double.
 */
class OptimizerFormulaTest {
    private static final double W0 = 0.5;
    private static final double[] G = {0.2, -0.4};

    /** Runs two steps with gradients G and returns the weight after each. */
    private static double[] run(Optimizer o) {
        Parameter p = new Parameter("n", "kernel", Tensor.wrap(new float[] {(float) W0}, 1), null);
        double[] out = new double[2];
        for (int t = 0; t < 2; t++) {
            p.grad().set(0, (float) G[t]);
            o.step(List.of(p));
            out[t] = p.value().get(0);
        }
        return out;
    }

    private static void assertSteps(double[] expected, Optimizer o) {
        double[] got = run(o);
        assertEquals(expected[0], got[0], 1e-6, o.kind() + " step 1");
        assertEquals(expected[1], got[1], 1e-6, o.kind() + " step 2");
    }

    @Test
    void sgdWithMomentumAndNesterov() {
        double lr = 0.1;
        double mu = 0.9;
        assertSteps(new double[] {W0 - lr * G[0], W0 - lr * G[0] - lr * G[1]}, new Sgd(lr));
        double v1 = -lr * G[0];
        double v2 = mu * v1 - lr * G[1];
        assertSteps(new double[] {W0 + v1, W0 + v1 + v2}, new Sgd(lr, mu, false));
        double w1 = W0 + mu * v1 - lr * G[0];
        assertSteps(new double[] {w1, w1 + mu * v2 - lr * G[1]}, new Sgd(lr, mu, true));
    }

    @Test
    void rmsprop() {
        double lr = 0.01;
        double rho = 0.9;
        double eps = 1e-7;
        double ms1 = (1 - rho) * G[0] * G[0];
        double w1 = W0 - lr * G[0] / Math.sqrt(ms1 + eps);
        double ms2 = rho * ms1 + (1 - rho) * G[1] * G[1];
        assertSteps(new double[] {w1, w1 - lr * G[1] / Math.sqrt(ms2 + eps)}, new RmsProp(lr));
    }

    @Test
    void adagrad() {
        double lr = 0.1;
        double a1 = 0.1 + G[0] * G[0];
        double w1 = W0 - lr * G[0] / Math.sqrt(a1 + 1e-7);
        double a2 = a1 + G[1] * G[1];
        assertSteps(new double[] {w1, w1 - lr * G[1] / Math.sqrt(a2 + 1e-7)}, new Adagrad(lr));
    }

    private static double[] adam(double lr, double decay) {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-7;
        double m = 0;
        double v = 0;
        double w = W0;
        double[] out = new double[2];
        for (int t = 1; t <= 2; t++) {
            double g = G[t - 1];
            w -= lr * decay * w;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            w -= alpha * m / (Math.sqrt(v) + eps);
            out[t - 1] = w;
        }
        return out;
    }

    @Test
    void adamAndAdamW() {
        assertSteps(adam(0.01, 0), new Adam(0.01));
        assertSteps(adam(0.01, 0.004), new AdamW(0.01, 0.004));
    }

    @Test
    void nadamFollowsDozatsScheduleAsKerasDoes() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double m = 0;
        double v = 0;
        double w = W0;
        double prod = 1;
        double[] out = new double[2];
        for (int t = 1; t <= 2; t++) {
            double g = G[t - 1];
            double ut = b1 * (1 - 0.5 * Math.pow(0.96, t));
            double ut1 = b1 * (1 - 0.5 * Math.pow(0.96, t + 1));
            double prodT = prod * ut;
            double prodT1 = prodT * ut1;
            prod = prodT;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double mHat = ut1 * m / (1 - prodT1) + (1 - ut) * g / (1 - prodT);
            double vHat = v / (1 - Math.pow(b2, t));
            w -= lr * mHat / (Math.sqrt(vHat) + 1e-7);
            out[t - 1] = w;
        }
        assertSteps(out, new Nadam(lr));
    }

    @Test
    void clippingByGlobalNormAndByValue() {
        Parameter a = new Parameter("n", "a", Tensor.wrap(new float[] {0, 0}, 2), null);
        Parameter b = new Parameter("n", "b", Tensor.wrap(new float[] {0}, 1), null);
        a.grad().set(0, 3);
        a.grad().set(1, 0);
        b.grad().set(0, 4);
        new GradientClipping(1, 0).apply(List.of(a, b));
        assertEquals(0.6f, a.grad().get(0), 1e-6);
        assertEquals(0.8f, b.grad().get(0), 1e-6);
        b.grad().set(0, -7);
        new GradientClipping(0, 0.5).apply(List.of(b));
        assertEquals(-0.5f, b.grad().get(0));
    }

    @Test
    void schedules() {
        StepDecay step = new StepDecay(0.1, 0.5, 10);
        assertEquals(0.1, step.at(9), 1e-12);
        assertEquals(0.05, step.at(10), 1e-12);
        ExponentialDecay exp = new ExponentialDecay(0.1, 100, 0.5, false);
        assertEquals(0.1 * Math.pow(0.5, 0.5), exp.at(50), 1e-12);
        assertEquals(0.1, new ExponentialDecay(0.1, 100, 0.5, true).at(50), 1e-12);
        CosineDecay cos = new CosineDecay(0.0, 100, 0.1, 10, 1.0);
        assertEquals(0.5, cos.at(5), 1e-12);
        assertEquals(1.0, cos.at(10), 1e-12);
        assertEquals(0.55, cos.at(60), 1e-12);
        assertEquals(0.1, cos.at(1000), 1e-12);
    }

    @Test
    void scheduleDrivesTheRateOfEachStep() {
        Optimizer o = new Sgd(1).schedule(new StepDecay(0.1, 0.5, 1));
        double[] w = run(o);
        assertEquals(W0 - 0.1 * G[0], w[0], 1e-6);
        assertEquals(w[0] - 0.05 * G[1], w[1], 1e-6);
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(-0.1));
        assertEquals("learning rate: learning_rate must be a positive number. Received: learning_rate=-0.1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 1.5, false));
        assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.of("adam", 0.1).with("momentum", 0.9));
        assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.of("adamx", 0.1));
    }

    @Test
    void adamax() {
        double lr = 0.01;
        double m1 = 0.1 * G[0];
        double u1 = Math.abs(G[0]);
        double w1 = W0 - lr / (1 - 0.9) * m1 / (u1 + 1e-7);
        double m2 = 0.9 * m1 + 0.1 * G[1];
        double u2 = Math.max(0.999 * u1, Math.abs(G[1]));
        assertSteps(new double[] {w1, w1 - lr / (1 - 0.81) * m2 / (u2 + 1e-7)}, new Adamax(lr, 0.9, 0.999, 1e-7));
    }

    @Test
    void adadeltaMultipliesItsStepByTheLearningRate() {
        double lr = 0.5;
        double rho = 0.95;
        double eps = 1e-7;
        double a1 = (1 - rho) * G[0] * G[0];
        double d1 = -Math.sqrt(eps) / Math.sqrt(a1 + eps) * G[0];
        double b1 = (1 - rho) * d1 * d1;
        double w1 = W0 + lr * d1;
        double a2 = rho * a1 + (1 - rho) * G[1] * G[1];
        double d2 = -Math.sqrt(b1 + eps) / Math.sqrt(a2 + eps) * G[1];
        assertSteps(new double[] {w1, w1 + lr * d2}, new Adadelta(lr, rho, eps));
    }

    @Test
    void lionMovesEachWeightByTheRateInTheSignsDirection() {
        double lr = 0.01;
        // m starts at 0: step 1 follows sign(g1); m1 = 0.01·g1; step 2 follows sign(0.9·m1 + 0.1·g2).
        double w1 = W0 - lr * Math.signum(0.1 * G[0]);
        double m1 = 0.01 * G[0];
        assertSteps(new double[] {w1, w1 - lr * Math.signum(0.9 * m1 + 0.1 * G[1])}, new Lion(lr, 0.9, 0.99));
    }

    @Test
    void amsgradDividesByTheLargestSecondMomentSeen() {
        // A large gradient then a small one: v shrinks, its running maximum does not.
        double[] g = {0.4, 0.01};
        double lr = 0.01;
        Parameter p = new Parameter("n", "kernel", Tensor.wrap(new float[] {(float) W0}, 1), null);
        Adam ams = new Adam(lr, 0.9, 0.999, 1e-7, true);
        double m = 0;
        double v = 0;
        double vMax = 0;
        double w = W0;
        for (int t = 1; t <= 2; t++) {
            p.grad().set(0, (float) g[t - 1]);
            ams.step(List.of(p));
            m += (g[t - 1] - m) * 0.1;
            v += (g[t - 1] * g[t - 1] - v) * 0.001;
            vMax = Math.max(vMax, v);
            double alpha = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            w -= alpha * m / (Math.sqrt(vMax) + 1e-7);
            assertEquals(w, p.value().get(0), 1e-6, "amsgrad step " + t);
        }
        assertTrue(vMax > v, "the second step's v was below the first's");
    }

    @Test
    void theNewKindsAreOfferedWithKerasDefaults() {
        assertEquals(0.95, OptimizerSpec.defaults("adadelta").get("rho"));
        assertEquals(0.99, OptimizerSpec.defaults("lion").get("beta_2"));
        assertEquals(0.0, OptimizerSpec.defaults("adam").get("amsgrad"));
        assertTrue(OptimizerSpec.isSwitch("amsgrad"));
        assertEquals("Lion", OptimizerSpec.of("lion", 0.001).create().kind());
        assertEquals("Adamax", OptimizerSpec.of("adamax", 0.001).create().kind());
        assertEquals("Adadelta", OptimizerSpec.of("adadelta", 0.001).create().kind());
    }
}
