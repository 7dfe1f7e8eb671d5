package org.layerlab.nn.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The second-wave schedules against Keras's definitions, step by step. */
class ScheduleTest {
    @Test
    void piecewiseConstantUsesTheEarlierValueOnABoundary() {
        PiecewiseConstantDecay p = new PiecewiseConstantDecay(new long[] {10, 20}, new double[] {1.0, 0.5, 0.1});
        assertEquals(1.0, p.at(0));
        assertEquals(1.0, p.at(10), "on the boundary: the earlier value");
        assertEquals(0.5, p.at(11));
        assertEquals(0.5, p.at(20));
        assertEquals(0.1, p.at(21));
        assertThrows(IllegalArgumentException.class, () -> new PiecewiseConstantDecay(new long[] {10}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new PiecewiseConstantDecay(new long[] {20, 10}, new double[] {1, 2, 3}));
    }

    @Test
    void polynomialDecayHoldsTheEndRateOrCycles() {
        PolynomialDecay linear = new PolynomialDecay(0.1, 100, 1e-4, 1, false);
        assertEquals(0.1, linear.at(0), 1e-15);
        assertEquals((0.1 - 1e-4) * 0.5 + 1e-4, linear.at(50), 1e-15);
        assertEquals(1e-4, linear.at(100), 1e-15);
        assertEquals(1e-4, linear.at(250), 1e-15, "held after decay_steps");
        PolynomialDecay squared = new PolynomialDecay(0.1, 100, 0, 2, false);
        assertEquals(0.1 * 0.25, squared.at(50), 1e-15);
        PolynomialDecay cycling = new PolynomialDecay(0.1, 100, 0, 1, true);
        // Step 150: decay steps grow to 200, so 1 − 150/200 of the way.
        assertEquals(0.1 * 0.25, cycling.at(150), 1e-15);
        assertEquals(0.1, cycling.at(0), 1e-15);
    }
}
