package org.layerlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.GradCheck;

class RegularizerAndInitializerTest {
    @Test
    void penaltyGradientsMatchFiniteDifferencesInDouble() {
        Regularizer r = Regularizer.l1l2(0.03, 0.2);
        for (double w : new double[] {-1.7, -0.2, 0.05, 0.9}) {
            GradCheck.scalar("l1_l2", r::penalty, r::gradient, w);
        }
    }

    @Test
    void penaltyFollowsKerasFormula() {
        float[] w = {1, -2, 3};
        assertEquals(0.01 * 6, Regularizer.l1(0.01).penalty(w, 3), 1e-9);
        assertEquals(0.01 * 14, Regularizer.l2(0.01).penalty(w, 3), 1e-9);
    }

    @Test
    void variancesFollowTheKerasFormulas() {
        int fanIn = 300;
        int fanOut = 200;
        assertVariance(Initializer.GLOROT_UNIFORM, 2.0 / (fanIn + fanOut), fanIn, fanOut);
        assertVariance(Initializer.of(Initializer.Kind.GLOROT_NORMAL), 2.0 / (fanIn + fanOut), fanIn, fanOut);
        assertVariance(Initializer.of(Initializer.Kind.HE_UNIFORM), 2.0 / fanIn, fanIn, fanOut);
        assertVariance(Initializer.of(Initializer.Kind.HE_NORMAL), 2.0 / fanIn, fanIn, fanOut);
        assertVariance(Initializer.of(Initializer.Kind.LECUN_UNIFORM), 1.0 / fanIn, fanIn, fanOut);
        assertVariance(Initializer.of(Initializer.Kind.LECUN_NORMAL), 1.0 / fanIn, fanIn, fanOut);
        assertVariance(Initializer.randomNormal(0, 0.05), 0.0025, fanIn, fanOut);
        assertVariance(Initializer.randomUniform(-0.05, 0.05), 0.1 * 0.1 / 12, fanIn, fanOut);
    }

    private static void assertVariance(Initializer init, double expected, int fanIn, int fanOut) {
        float[] v = new float[fanIn * fanOut];
        init.fill(v, fanIn, fanOut, new SplittableRandom(4));
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean);
        }
        var /= v.length;
        assertEquals(expected, var, expected * 0.03, init + " variance");
        assertEquals(0, mean, Math.sqrt(expected) * 0.02, init + " mean");
    }

    @Test
    void constantInitializers() {
        float[] v = new float[5];
        Initializer.of(Initializer.Kind.ONES).fill(v, 1, 1, new SplittableRandom(1));
        for (float x : v) {
            assertEquals(1f, x);
        }
        assertTrue(Initializer.parse("he_normal").kind() == Initializer.Kind.HE_NORMAL);
    }
}
