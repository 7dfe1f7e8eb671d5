package org.layerlab.ui.dashboard;

import java.util.Arrays;

import org.layerlab.training.WeightPreview;

/**
 * Turns a parameter tensor into a small matrix for display: a Dense kernel (in, units) as is, a
 * Conv2D kernel (kh, kw, in, filters) as one kh×kw tile per filter (averaged over input
 * channels) laid out in a grid, a vector as one row. Large matrices are downsampled by block
 * averaging to at most as many cells as the area has pixels (a snapshot brings a preview of at
 * most 512 a side: see WeightPreview), so a 5-million-parameter layer draws in a millisecond.
 */
final class Heatmap {
    final int rows;
    final int cols;
    final float[] cells;
    final float maxAbs;

    private Heatmap(int rows, int cols, float[] cells) {
        this.rows = rows;
        this.cols = cols;
        this.cells = cells;
        float m = 0;
        for (float c : cells) {
            if (!Float.isNaN(c)) {
                m = Math.max(m, Math.abs(c));
            }
        }
        this.maxAbs = m;
    }

    /**
     * The cells for a parameter of these dims, to be drawn in an area of the given aspect ratio
     * (width / height): filter tiles are laid out in as many per row as make the cells largest.
     */
    static Heatmap of(int[] dims, float[] values, int maxRows, int maxCols, double aspect) {
        // A snapshot's preview keeps up to 512 cells a side: averaged again to the area's pixels.
        int[] d = WeightPreview.dims(dims, maxRows, maxCols);
        float[] v = WeightPreview.reduce(dims, values, maxRows, maxCols);
        if (d.length == 4) {
            return tiles(d, v, tilesPerRow(d[3], d[0], d[1], aspect));
        }
        return d.length == 1 ? new Heatmap(1, d[0], v) : new Heatmap(d[0], d[1], v);
    }

    /** How many kh×kw tiles (with a one-cell gap) per row give the largest cells in an area of this aspect. */
    static int tilesPerRow(int filters, int kh, int kw, double aspect) {
        int best = 1;
        double bestCell = 0;
        for (int perRow = 1; perRow <= filters; perRow++) {
            int rows = (filters + perRow - 1) / perRow * (kh + 1) - 1;
            int cols = perRow * (kw + 1) - 1;
            // Cell size in an area aspect wide and 1 high.
            double cell = Math.min(aspect / cols, 1.0 / rows);
            if (cell > bestCell) {
                bestCell = cell;
                best = perRow;
            }
        }
        return best;
    }

    /** Lays out (kh, kw, 1, filters) as one kh×kw tile per filter, perRow to a row, a blank cell between. */
    private static Heatmap tiles(int[] d, float[] v, int perRow) {
        int kh = d[0];
        int kw = d[1];
        int filters = d[3];
        int tileRows = (filters + perRow - 1) / perRow;
        int rows = tileRows * (kh + 1) - 1;
        int cols = perRow * (kw + 1) - 1;
        float[] cells = new float[rows * cols];
        Arrays.fill(cells, Float.NaN);
        for (int f = 0; f < filters; f++) {
            int r0 = (f / perRow) * (kh + 1);
            int c0 = (f % perRow) * (kw + 1);
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    cells[(r0 + i) * cols + c0 + j] = v[(i * kw + j) * filters + f];
                }
            }
        }
        return new Heatmap(rows, cols, cells);
    }
}
