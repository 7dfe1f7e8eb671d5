package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class HeatmapTest {
    @Test
    void filterTilesFillAWideAreaInFewRowsAndASquareOneAsASquare() {
        // 32 filters of 3x3 in an area 640x170 px: 3 rows of 11 give 15 px cells (a 6x6 square: 7 px).
        assertEquals(11, Heatmap.tilesPerRow(32, 3, 3, 640 / 170.0));
        assertEquals(6, Heatmap.tilesPerRow(36, 3, 3, 1.0));
        assertEquals(1, Heatmap.tilesPerRow(4, 3, 3, 0.1), "a tall narrow area: one column");
    }

    @Test
    void eachFilterTileIsTheMeanOverInputChannels() {
        // kernel [kh=1, kw=2, in=2, filters=2], stored (i, j, c, f) with f fastest.
        float[] v = {1, 10, 3, 30, 5, 50, 7, 70};
        Heatmap m = Heatmap.of(new int[] {1, 2, 2, 2}, v, 160, 160, 10);
        assertEquals(1, m.rows);
        assertEquals(5, m.cols, "two tiles of width 2 with a gap");
        assertEquals(2, m.cells[0]);
        assertEquals(6, m.cells[1]);
        assertEquals(Float.NaN, m.cells[2]);
        assertEquals(20, m.cells[3]);
        assertEquals(60, m.cells[4]);
    }

    @Test
    void thePackedColoursAreTheLegendsColours() {
        for (double t : new double[] {-1, -0.5, 0, 0.3, 1, 7}) {
            Color c = HeatmapView.diverging(t);
            int argb = HeatmapView.divergingArgb(t);
            assertEquals(Math.round(c.getRed() * 255), (argb >> 16) & 0xff, 1, "red at " + t);
            assertEquals(Math.round(c.getGreen() * 255), (argb >> 8) & 0xff, 1, "green at " + t);
            assertEquals(Math.round(c.getBlue() * 255), argb & 0xff, 1, "blue at " + t);
            assertEquals(0xff, argb >>> 24);
        }
        assertEquals(0, HeatmapView.divergingArgb(Double.NaN), "gaps between filter tiles stay clear");
    }
}
