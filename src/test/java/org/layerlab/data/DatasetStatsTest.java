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
        long[] h = s.histograms()[0];
        assertEquals(DatasetStats.BINS, h.length);
        // 1, 3, 5, 7 over [1, 7] in 24 bins: 1 → bin 0, 3 → bin 8, 5 → bin 16, 7 (the top edge) → the last bin.
        assertEquals(1, h[0]);
        assertEquals(1, h[8]);
        assertEquals(1, h[16]);
        assertEquals(1, h[DatasetStats.BINS - 1]);
        assertEquals(4, s.histograms()[1][0], "a constant feature falls in one bin");
    }

    @Test
    void imagesGetNoPerPixelHistograms() {
        float[] x = new float[3 * 4 * 4];
        DatasetStats s = DatasetStats.of(new ArrayDataset(x, Shape.of(4, 4, 1), new float[] {0, 1, 0}, 1, List.of("a", "b")));
        assertEquals(0, s.histograms().length);
    }
}
