package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;

/** Windows over a series: shapes, targets, a split by time, statistics from the training rows only, and gaps refused. */
class TimeWindowsTest {
    /** t, a = t, b = 10·t for t = 0..9. */
    private static CsvTable series() {
        StringBuilder csv = new StringBuilder("t,a,b\n");
        for (int t = 0; t < 10; t++) {
            csv.append(t).append(',').append(t).append(',').append(10 * t).append('\n');
        }
        return CsvTable.parse(csv.toString(), "s.csv");
    }

    @Test
    void windowsCarryTheInputColumnsAndTheTargetHorizonStepsAhead() {
        TimeWindows.Result r = TimeWindows.build(series(), new TimeWindows.Options(List.of("a", "b"), "b", 3, 2, 1, 0,
                false), "s.csv");
        assertEquals(Shape.of(3, 2), r.train().featureShape());
        assertEquals(10 - 3 - 2 + 1, r.train().size());
        assertNull(r.test());
        assertArrayEquals(new float[] {0, 0, 1, 10, 2, 20}, java.util.Arrays.copyOf(r.train().featureValues(), 6));
        assertEquals(40, r.train().target(0), "last row of the first window is t=2; two steps ahead is t=4");
        assertEquals(List.of("a", "b"), r.columns());
    }

    @Test
    void theSplitIsByTimeAndStatisticsComeFromTheTrainingRowsOnly() {
        TimeWindows.Result r = TimeWindows.build(series(), new TimeWindows.Options(List.of(), "a", 2, 1, 1, 0.3, true),
                "s.csv");
        // cut at row 7: training targets are rows 2..6, test targets rows 7..9.
        assertEquals(5, r.train().size());
        assertEquals(3, r.test().size());
        assertArrayEquals(new int[] {7, 8, 9}, r.testTargetRows());
        float mean = 3f;
        float std = (float) Math.sqrt((9 + 4 + 1 + 0 + 1 + 4 + 9) / 7.0);
        assertEquals(mean, r.offset()[0], 1e-6);
        assertEquals(std, r.scale()[0], 1e-6);
        assertEquals(7f, r.unscale(r.test().target(0)), 1e-5);
        assertEquals((5 - mean) / std, r.test().featureValues()[0], 1e-6, "a test window may look back before the cut");
    }

    @Test
    void aGapOrAShortSeriesIsExplained() {
        CsvTable gap = CsvTable.parse("t,a\n0,1\n1,\n2,3\n3,4\n", "gap.csv");
        DataException e = assertThrows(DataException.class, () -> TimeWindows.build(gap,
                new TimeWindows.Options(List.of(), "a", 2, 1, 1, 0, true), "gap.csv"));
        assertTrue(e.getMessage().contains("gap.csv line 3") && e.getMessage().contains("no value"), e.getMessage());
        DataException shortSeries = assertThrows(DataException.class, () -> TimeWindows.build(series(),
                new TimeWindows.Options(List.of(), "a", 10, 1, 1, 0, true), "s.csv"));
        assertTrue(shortSeries.getMessage().contains("has 10 rows") && shortSeries.getMessage().contains("shorten the window"),
                shortSeries.getMessage());
        DataException noColumn = assertThrows(DataException.class, () -> TimeWindows.build(series(),
                new TimeWindows.Options(List.of(), "c", 2, 1, 1, 0, true), "s.csv"));
        assertTrue(noColumn.getMessage().contains("no column 'c'"), noColumn.getMessage());
    }
}
