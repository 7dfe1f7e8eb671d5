package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The run forms of sigmoid and tanh (vector lanes and the scalar tail) against the formulas in double. */
class SquashTest {
    @Test
    void runsMatchTheFormulasIncludingSaturationAndTheTail() {
        Random rng = new Random(3);
        int n = 203; // not a multiple of any vector length: the scalar tail runs too
        float[] x = new float[n + 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() * 4);
        }
        x[7] = 100f;
        x[8] = -100f;
        x[9] = 0f;
        float[] s = new float[n + 9];
        float[] t = new float[n + 9];
        Squash.sigmoid(x, 5, s, 9, n);
        Squash.tanh(x, 5, t, 9, n);
        for (int i = 0; i < n; i++) {
            double v = x[5 + i];
            assertEquals(1 / (1 + Math.exp(-v)), s[9 + i], 2e-7 + 2e-6 * Math.abs(1 / (1 + Math.exp(-v))), "sigmoid(" + v + ")");
            assertEquals(Math.tanh(v), t[9 + i], 2e-7 + 2e-6 * Math.abs(Math.tanh(v)), "tanh(" + v + ")");
        }
        assertEquals(0f, s[0], "nothing written before the run");
    }
}
