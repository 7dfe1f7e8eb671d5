package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeriesTest {
    /** The nearest point by a full scan, the first of equally near ones. */
    private static int scan(Series s, double x) {
        int best = 0;
        for (int i = 1; i < s.size(); i++) {
            if (Math.abs(s.x(i) - x) < Math.abs(s.x(best) - x)) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void consecutiveStepsAreNotStoredButReadAndSearchAsIfTheyWere() {
        Series s = new Series("loss", "#000");
        for (int step = 5; step < 1005; step++) {
            s.add(step, 1.0 / step);
        }
        assertEquals(1000, s.size());
        assertEquals(5, s.x(0));
        assertEquals(1004, s.x(999));
        assertEquals(1.0 / 500, s.y(495), 1e-9);
        for (double x : new double[] {-3, 5, 7.5, 7.6, 7.4, 500.5, 1004, 2000}) {
            assertEquals(scan(s, x), s.nearest(x), "nearest to " + x);
        }
    }

    @Test
    void aGapInTheStepsKeepsEveryXFromThenOn() {
        Series s = new Series("val", "#000");
        s.add(10, 1);
        s.add(11, 2);
        s.add(20, 3);
        s.add(20, 4);
        s.add(35, 5);
        assertEquals(10, s.x(0));
        assertEquals(11, s.x(1));
        assertEquals(20, s.x(3));
        assertEquals(35, s.x(4));
        for (double x : new double[] {0, 10.5, 15, 15.5, 16, 20, 27.5, 40}) {
            assertEquals(scan(s, x), s.nearest(x), "nearest to " + x);
        }
        s.clear();
        s.add(1, 1);
        s.add(2, 1);
        assertEquals(2, s.x(1), "cleared: implicit steps again");
    }
}
