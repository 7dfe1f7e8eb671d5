package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The vector runs are plain arithmetic, equal to the last bit to the same steps written for
     * one float: no intrinsic whose bits change when the JIT compiles it (the Vector API's exp
     * did, and one seed trained different LSTM weights from run to run).
     */
    @Test
    void vectorRunsAreTheirScalarTwinToTheLastBit() {
        assertTrue(Gemm.vectorAvailable(), "the tests run with jdk.incubator.vector, as LayerLab does");
        int n = 1024; // a multiple of every vector length: no scalar tail
        Random rng = new Random(9);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rng.nextGaussian() * 30);
        }
        x[0] = 100f;
        x[1] = -100f;
        x[2] = 0f;
        x[3] = 44.2f;
        float[] s = new float[n];
        float[] t = new float[n];
        Squash.sigmoid(x, 0, s, 0, n);
        Squash.tanh(x, 0, t, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToIntBits(1f / (exp(-x[i]) + 1f)), Float.floatToIntBits(s[i]), "sigmoid(" + x[i] + ")");
            assertEquals(Float.floatToIntBits(1f - 2f / (exp(2f * x[i]) + 1f)), Float.floatToIntBits(t[i]),
                    "tanh(" + x[i] + ")");
        }
    }

    /** VectorSquash's exponential, step for step, on one float. */
    private static float exp(float x) {
        float v = Math.min(Math.max(x, VectorSquash.LOW), VectorSquash.HIGH);
        float k = v * VectorSquash.LOG2E + VectorSquash.ROUND - VectorSquash.ROUND;
        float r = v - k * VectorSquash.LN2_HIGH - k * VectorSquash.LN2_LOW;
        float p = ((((r * VectorSquash.P5 + VectorSquash.P4) * r + VectorSquash.P3) * r + VectorSquash.P2) * r
                + VectorSquash.P1) * r + VectorSquash.P0;
        p = p * (r * r) + r + 1f;
        int biased = Float.floatToRawIntBits(k + (VectorSquash.ROUND + 127f)) - VectorSquash.ROUND_BITS;
        return p * Float.intBitsToFloat(biased << 23);
    }
}
