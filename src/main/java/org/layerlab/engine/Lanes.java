package org.layerlab.engine;

/**
 * The memory-bound loops the training step runs over its largest buffers: summing a gradient's
 * columns into a bias gradient, adding a bias to every row, adding one run onto another. On the
 * Vector API (when java runs with jdk.incubator.vector) a column sum keeps one vector of sums in
 * a register across all rows; the scalar loop stored and reloaded each sum per row, and C2 did
 * not vectorize it (the CNN's first bias gradient, 32 columns × 21,632 rows, took 0.66 ms of a
 * 6 ms step). Each sum adds the same values in the same order as the scalar loop, so the
 * results are the same bits with or without the module.
 */
public abstract class Lanes {
    private static final Lanes INSTANCE = load();

    /** sums[j] += Σ_r g[r·width + j] for j in [j0, j1), each column's rows added in order. */
    public static void sumColumns(float[] g, int rows, int width, int j0, int j1, float[] sums) {
        INSTANCE.sumColumnsRun(g, rows, width, j0, j1, sums);
    }

    /** y[r·width + j] += b[j] for rows r in [from, to). */
    public static void addToRows(float[] y, int from, int to, int width, float[] b) {
        INSTANCE.addToRowsRun(y, from, to, width, b);
    }

    /** dst[dstOff..dstOff+n) += src[srcOff..srcOff+n). */
    public static void add(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        INSTANCE.addRun(src, srcOff, dst, dstOff, n);
    }

    /** Whether a[from..to) holds no NaN and no infinity. */
    public static boolean allFinite(float[] a, int from, int to) {
        return INSTANCE.allFiniteRun(a, from, to);
    }

    abstract boolean allFiniteRun(float[] a, int from, int to);

    /** dst[dstOff + k] = (src[srcOff + k] as an unsigned byte) · scale for k in [0, n): pixels to floats. */
    public static void unsignedBytesScaled(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
        INSTANCE.unsignedBytesScaledRun(src, srcOff, dst, dstOff, n, scale);
    }

    abstract void unsignedBytesScaledRun(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale);

    abstract void sumColumnsRun(float[] g, int rows, int width, int j0, int j1, float[] sums);

    abstract void addToRowsRun(float[] y, int from, int to, int width, float[] b);

    abstract void addRun(float[] src, int srcOff, float[] dst, int dstOff, int n);

    private static Lanes load() {
        Lanes vector = VectorModule.disabled() ? null : VectorModule.load("org.layerlab.engine.VectorLanes", Lanes.class);
        return vector != null ? vector : new Scalar();
    }

    /** The value-by-value loops, also the tails of the vector ones. */
    static final class Scalar extends Lanes {
        @Override
        void sumColumnsRun(float[] g, int rows, int width, int j0, int j1, float[] sums) {
            for (int r = 0; r < rows; r++) {
                int o = r * width;
                for (int j = j0; j < j1; j++) {
                    sums[j] += g[o + j];
                }
            }
        }

        @Override
        void addToRowsRun(float[] y, int from, int to, int width, float[] b) {
            for (int r = from; r < to; r++) {
                int o = r * width;
                for (int j = 0; j < width; j++) {
                    y[o + j] += b[j];
                }
            }
        }

        @Override
        void addRun(float[] src, int srcOff, float[] dst, int dstOff, int n) {
            for (int k = 0; k < n; k++) {
                dst[dstOff + k] += src[srcOff + k];
            }
        }

        @Override
        void unsignedBytesScaledRun(byte[] src, int srcOff, float[] dst, int dstOff, int n, float scale) {
            for (int k = 0; k < n; k++) {
                dst[dstOff + k] = (src[srcOff + k] & 0xff) * scale;
            }
        }

        @Override
        boolean allFiniteRun(float[] a, int from, int to) {
            // Branch-free: the largest magnitude is NaN or infinite exactly when some value is.
            float largest = 0;
            for (int i = from; i < to; i++) {
                largest = Math.max(largest, Math.abs(a[i]));
            }
            return Float.isFinite(largest);
        }
    }
}
