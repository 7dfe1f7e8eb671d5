package org.layerlab.training;

/**
 * A small stand-in for a parameter tensor, for drawing it: a Conv2D kernel (kh, kw, in,
 * filters) averaged over its input channels to (kh, kw, 1, filters); a matrix (rows, the rest
 * flattened) averaged in blocks to at most {@code max} cells a side; a vector to at most
 * {@code max} cells. Made on the training thread from the live buffer, so a snapshot of a
 * 5-million-parameter layer copies and sends a few thousand numbers, not 40 MB.
 */
public final class WeightPreview {
    /**
     * Cells a side a snapshot's preview keeps at most: finer than any view draws (the heatmap
     * averages it again to its pixels), and at most a megabyte a tensor.
     */
    public static final int MAX_SIDE = 512;

    private WeightPreview() {
    }

    /** The preview's dims for a tensor of these dims, at most max cells a side. */
    public static int[] dims(int[] dims, int max) {
        return dims(dims, max, max);
    }

    /** The preview's values (see {@link #reduce(int[], float[], int, int)}), at most max cells a side. */
    public static float[] reduce(int[] dims, float[] data, int max) {
        return reduce(dims, data, max, max);
    }

    /** The preview's dims with at most maxRows rows and maxCols columns. */
    public static int[] dims(int[] dims, int maxRows, int maxCols) {
        if (dims.length == 4) {
            return new int[] {dims[0], dims[1], 1, dims[3]};
        }
        int rows = dims.length == 1 ? 1 : dims[0];
        int cols = columns(dims);
        int r = blocks(rows, maxRows);
        int c = blocks(cols, maxCols);
        return dims.length == 1 ? new int[] {c} : new int[] {r, c};
    }

    /** The preview's values, from the first size-of-dims values of data: block means, row-major. */
    public static float[] reduce(int[] dims, float[] data, int maxRows, int maxCols) {
        if (dims.length == 4) {
            return channelMeans(dims, data);
        }
        int rows = dims.length == 1 ? 1 : dims[0];
        int cols = columns(dims);
        int fr = factor(rows, maxRows);
        int fc = factor(cols, maxCols);
        int outRows = (rows + fr - 1) / fr;
        int outCols = (cols + fc - 1) / fc;
        float[] cells = new float[outRows * outCols];
        // Runs of fc values summed in order: no division per value (a 3-million-value kernel
        // took 25 ms with one; this is a pass at memory speed).
        for (int i = 0; i < rows; i++) {
            int base = (i / fr) * outCols;
            int at = i * cols;
            for (int b = 0; b < outCols; b++) {
                int end = Math.min(cols, (b + 1) * fc);
                float sum = 0;
                for (int j = b * fc; j < end; j++) {
                    sum += data[at + j];
                }
                cells[base + b] += sum;
            }
        }
        for (int r = 0; r < outRows; r++) {
            int inRows = Math.min(fr, rows - r * fr);
            for (int b = 0; b < outCols; b++) {
                int inCols = Math.min(fc, cols - b * fc);
                cells[r * outCols + b] /= inRows * inCols;
            }
        }
        return cells;
    }
    private static float[] channelMeans(int[] d, float[] v) {
        int kh = d[0];
        int kw = d[1];
        int in = d[2];
        int filters = d[3];
        float[] out = new float[kh * kw * filters];
        for (int ij = 0; ij < kh * kw; ij++) {
            for (int c = 0; c < in; c++) {
                int from = (ij * in + c) * filters;
                for (int f = 0; f < filters; f++) {
                    out[ij * filters + f] += v[from + f];
                }
            }
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= in;
        }
        return out;
    }

    private static int columns(int[] dims) {
        int c = 1;
        for (int i = dims.length == 1 ? 0 : 1; i < dims.length; i++) {
            c *= dims[i];
        }
        return c;
    }

    private static int factor(int n, int max) {
        return Math.max(1, (n + max - 1) / max);
    }

    private static int blocks(int n, int max) {
        int f = factor(n, max);
        return (n + f - 1) / f;
    }
}
