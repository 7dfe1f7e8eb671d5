package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;

class DatasetStatsTest {
    @Test
    void classBalanceAndFeatureStatistics() {
        float[] x = {1, 10, 3, 10, 5, 10, 7, 10};
        float[] y = {0, 1, 1, 1};
        DatasetStats s = DatasetStats.of(new ArrayDataset(x, Shape.of(2), y, 1, List.of("a", "b")));
        assertEquals(4, s.size());
        assertArrayEquals(new long[] {1, 3}, s.classCounts());
        assertEquals(1, s.min()[0]);
        assertEquals(7, s.max()[0]);
        assertEquals(4, s.mean()[0], 1e-12);
        assertEquals(Math.sqrt(5), s.std()[0], 1e-12);
        assertEquals(0, s.std()[1], 1e-12);
    }
}
