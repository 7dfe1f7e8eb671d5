package org.layerlab.ui.dashboard;

/**
 * Turns a parameter tensor into a small matrix for display: a Dense kernel (in, units) as is, a
 * Conv2D kernel (kh, kw, in, filters) as one kh×kw tile per filter (averaged over input
 * channels) laid out in a grid, a vector as one row. Large matrices are downsampled by block
 * averaging to at most {@code max} cells a side, so a 5-million-parameter layer draws instantly.
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
    static Heatmap of(int[] dims, float[] values, int max, double aspect) {
        if (dims.length == 4) {
            return conv(dims, values, tilesPerRow(dims[3], dims[0], dims[1], aspect));
        }
        int r = dims.length == 1 ? 1 : dims[0];
        int c = dims.length == 1 ? dims[0] : values.length / dims[0];
        return downsample(r, c, values, max);
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

    private static Heatmap conv(int[] d, float[] v, int perRow) {
        int kh = d[0];
        int kw = d[1];
        int in = d[2];
        int filters = d[3];
        int tileRows = (filters + perRow - 1) / perRow;
        int rows = tileRows * (kh + 1) - 1;
        int cols = perRow * (kw + 1) - 1;
        float[] cells = new float[rows * cols];
        java.util.Arrays.fill(cells, Float.NaN);
        for (int f = 0; f < filters; f++) {
            int r0 = (f / perRow) * (kh + 1);
            int c0 = (f % perRow) * (kw + 1);
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    float s = 0;
                    for (int c = 0; c < in; c++) {
                        s += v[((i * kw + j) * in + c) * filters + f];
                    }
                    cells[(r0 + i) * cols + c0 + j] = s / in;
                }
            }
        }
        return new Heatmap(rows, cols, cells);
    }

    private static Heatmap downsample(int r, int c, float[] v, int max) {
        int fr = (r + max - 1) / max;
        int fc = (c + max - 1) / max;
        int rows = (r + fr - 1) / fr;
        int cols = (c + fc - 1) / fc;
        float[] cells = new float[rows * cols];
        int[] counts = new int[rows * cols];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                int k = (i / fr) * cols + j / fc;
                cells[k] += v[i * c + j];
                counts[k]++;
            }
        }
        for (int k = 0; k < cells.length; k++) {
            cells[k] /= Math.max(1, counts[k]);
        }
        return new Heatmap(rows, cols, cells);
    }
}
