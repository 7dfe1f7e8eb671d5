package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void allFiniteFindsAnyNanOrInfinityAnywhere() {
        Tensor t = Tensor.zeros(1001);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = (i % 7 - 3) * 1e30f; // large but finite, both signs
        }
        assertTrue(t.allFinite());
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int at : new int[] {0, 1, 500, 999, 1000}) {
                float keep = t.data()[at];
                t.data()[at] = bad;
                assertFalse(t.allFinite(), bad + " at " + at);
                t.data()[at] = keep;
            }
        }
        t.data()[3] = Float.MAX_VALUE;
        t.data()[4] = -Float.MAX_VALUE;
        assertTrue(t.allFinite(), "the largest finite values are finite");
    }
}
