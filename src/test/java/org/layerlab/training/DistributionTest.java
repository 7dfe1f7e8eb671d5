package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DistributionTest {
    @Test
    void binsFiniteValuesAndRebinsIntoAWiderRangeKeepingTheShares() {
        float[] v = {-2, -1, 0, 1, 2, Float.NaN, 0.5f, 1.5f};
        Distribution d = Distribution.of(v);
        assertEquals(2, d.maxAbs(), 1e-12);
        double total = 0;
        for (float s : d.shares()) {
            total += s;
        }
        assertEquals(7 / 8.0, total, 1e-6, "NaN is left out; shares are of all values");
        assertEquals(1 / 8.0, d.shares()[0], 1e-6, "−maxAbs falls in the first bin");
        assertEquals(1 / 8.0, d.shares()[Distribution.BINS - 1], 1e-6, "+maxAbs in the last");

        // Four display bins over [−5, 5]: [−5,−2.5) [−2.5,0) [0,2.5) [2.5,5]. Fine bins count where
        // their centres fall, so a value may move by half a fine bin (maxAbs / 512): fine for drawing.
        float[] four = d.rebin(4, 5);
        assertEquals(0, four[0], 1e-6);
        assertEquals(2 / 8.0, four[1], 1e-6, "−2 and −1");
        assertEquals(5 / 8.0, four[2], 1e-6, "0, 0.5, 1, 1.5 and 2");
        assertEquals(0, four[3], 1e-6);
    }
}
