package org.layerlab.engine.ops;

import java.util.Arrays;

import org.layerlab.engine.Lanes;

/**
 * Unrolls NHWC image windows into rows (one row per output pixel, kh·kw·C values, zeros where the
 * window hangs over the padding) and back. NHWC keeps each pixel's channels contiguous, so a
 * window copies kh·kw runs of C floats.
 */
public final class Im2Col {
    private Im2Col() {
    }

    /** cols[(n·outH + oh)·outW + ow][(i·kw + j)·C + c] = x[n][oh·sh − pt + i·dh][ow·sw − pl + j·dw][c]. */
    public static void unroll(float[] x, int batchFrom, int batchTo, Window w, float[] cols) {
        int c = w.channels();
        int patch = w.patchSize();
        int inSize = w.inputSize();
        // Rows are numbered globally (image n starts at row n·outH·outW), so ranges can run in parallel.
        int row = batchFrom * w.outH() * w.outW();
        for (int n = batchFrom; n < batchTo; n++) {
            int xn = n * inSize;
            for (int oh = 0; oh < w.outH(); oh++) {
                for (int ow = 0; ow < w.outW(); ow++, row++) {
                    int o = row * patch;
                    int iw0 = ow * w.strideW() - w.padLeft();
                    // Undilated and inside the image left to right: the kw taps of a kernel row are
                    // one contiguous run of kw·C floats (for the first layer's C = 1, one copy, not kw).
                    boolean rowInside = w.dilationW() == 1 && iw0 >= 0 && iw0 + w.kw() <= w.inW();
                    for (int i = 0; i < w.kh(); i++) {
                        int ih = oh * w.strideH() - w.padTop() + i * w.dilationH();
                        int rowDst = o + i * w.kw() * c;
                        if (ih < 0 || ih >= w.inH()) {
                            Arrays.fill(cols, rowDst, rowDst + w.kw() * c, 0f);
                            continue;
                        }
                        if (rowInside) {
                            copy(x, xn + (ih * w.inW() + iw0) * c, cols, rowDst, w.kw() * c);
                            continue;
                        }
                        for (int j = 0; j < w.kw(); j++) {
                            int iw = iw0 + j * w.dilationW();
                            int dst = rowDst + j * c;
                            if (iw < 0 || iw >= w.inW()) {
                                Arrays.fill(cols, dst, dst + c, 0f);
                            } else {
                                copy(x, xn + (ih * w.inW() + iw) * c, cols, dst, c);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of unroll: adds each row's values back onto the pixels they came from. */
    public static void fold(float[] cols, int batchFrom, int batchTo, Window w, float[] dx) {
        int c = w.channels();
        int patch = w.patchSize();
        int inSize = w.inputSize();
        // Rows are numbered globally (image n starts at row n·outH·outW), so ranges can run in parallel.
        int row = batchFrom * w.outH() * w.outW();
        for (int n = batchFrom; n < batchTo; n++) {
            int xn = n * inSize;
            for (int oh = 0; oh < w.outH(); oh++) {
                for (int ow = 0; ow < w.outW(); ow++, row++) {
                    int o = row * patch;
                    int iw0 = ow * w.strideW() - w.padLeft();
                    boolean rowInside = w.dilationW() == 1 && iw0 >= 0 && iw0 + w.kw() <= w.inW();
                    for (int i = 0; i < w.kh(); i++) {
                        int ih = oh * w.strideH() - w.padTop() + i * w.dilationH();
                        if (ih < 0 || ih >= w.inH()) {
                            continue;
                        }
                        if (rowInside) {
                            int src = o + i * w.kw() * c;
                            int dst = xn + (ih * w.inW() + iw0) * c;
                            Lanes.add(cols, src, dx, dst, w.kw() * c);
                            continue;
                        }
                        for (int j = 0; j < w.kw(); j++) {
                            int iw = ow * w.strideW() - w.padLeft() + j * w.dilationW();
                            if (iw < 0 || iw >= w.inW()) {
                                continue;
                            }
                            int src = o + (i * w.kw() + j) * c;
                            int dst = xn + (ih * w.inW() + iw) * c;
                            Lanes.add(cols, src, dx, dst, c);
                        }
                    }
                }
            }
        }
    }

    /**
     * unroll transposed, for images of few channels: colsT[(i·kw + j)·C + c][row] holds what
     * unroll puts at cols[row][(i·kw + j)·C + c], rows = the product's row count (all images).
     * With one channel a window row is a run of 3 floats, and a window per row spent its time on
     * bookkeeping (0.35 ms of a 32-image batch of 28 × 28 images); per tap, an image row's
     * output pixels read one strided run of the input.
     */
    public static void unrollByTap(float[] x, int batchFrom, int batchTo, Window w, float[] colsT, int rows) {
        int c = w.channels();
        int outW = w.outW();
        int step = w.strideW() * c;
        for (int i = 0; i < w.kh(); i++) {
            for (int j = 0; j < w.kw(); j++) {
                int jOff = j * w.dilationW() - w.padLeft();
                int owLo = firstInside(jOff, w.strideW());
                int owHi = endInside(jOff, w, owLo);
                for (int ch = 0; ch < c; ch++) {
                    int tap = ((i * w.kw() + j) * c + ch) * rows;
                    for (int n = batchFrom; n < batchTo; n++) {
                        for (int oh = 0; oh < w.outH(); oh++) {
                            int dst = tap + (n * w.outH() + oh) * outW;
                            int ih = oh * w.strideH() - w.padTop() + i * w.dilationH();
                            if (ih < 0 || ih >= w.inH()) {
                                Arrays.fill(colsT, dst, dst + outW, 0f);
                                continue;
                            }
                            for (int ow = 0; ow < owLo; ow++) {
                                colsT[dst + ow] = 0f;
                            }
                            int src = n * w.inputSize() + (ih * w.inW() + jOff) * c + ch;
                            if (step == 1) {
                                System.arraycopy(x, src + owLo, colsT, dst + owLo, owHi - owLo);
                            } else {
                                for (int ow = owLo; ow < owHi; ow++) {
                                    colsT[dst + ow] = x[src + ow * step];
                                }
                            }
                            for (int ow = owHi; ow < outW; ow++) {
                                colsT[dst + ow] = 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of unrollByTap; each pixel's contributions are added in tap order. */
    public static void foldByTap(float[] colsT, int batchFrom, int batchTo, Window w, float[] dx, int rows) {
        int c = w.channels();
        int outW = w.outW();
        int step = w.strideW() * c;
        for (int i = 0; i < w.kh(); i++) {
            for (int j = 0; j < w.kw(); j++) {
                int jOff = j * w.dilationW() - w.padLeft();
                int owLo = firstInside(jOff, w.strideW());
                int owHi = endInside(jOff, w, owLo);
                for (int ch = 0; ch < c; ch++) {
                    int tap = ((i * w.kw() + j) * c + ch) * rows;
                    for (int n = batchFrom; n < batchTo; n++) {
                        for (int oh = 0; oh < w.outH(); oh++) {
                            int ih = oh * w.strideH() - w.padTop() + i * w.dilationH();
                            if (ih < 0 || ih >= w.inH()) {
                                continue;
                            }
                            int from = tap + (n * w.outH() + oh) * outW;
                            int dst = n * w.inputSize() + (ih * w.inW() + jOff) * c + ch;
                            for (int ow = owLo; ow < owHi; ow++) {
                                dx[dst + ow * step] += colsT[from + ow];
                            }
                        }
                    }
                }
            }
        }
    }

    /** The first output column whose tap, jOff pixels right of its window's start, is inside the image. */
    private static int firstInside(int jOff, int stride) {
        return jOff >= 0 ? 0 : (-jOff + stride - 1) / stride;
    }

    /** One past the last output column whose tap is inside the image (at least owLo: none may be). */
    private static int endInside(int jOff, Window w, int owLo) {
        return Math.max(owLo, Math.min(w.outW(), Math.floorDiv(w.inW() - 1 - jOff, w.strideW()) + 1));
    }

    /** System.arraycopy has a fixed cost that dominates runs of a few floats; a loop is faster there. */
    private static void copy(float[] src, int from, float[] dst, int to, int len) {
        if (len <= 8) {
            for (int k = 0; k < len; k++) {
                dst[to + k] = src[from + k];
            }
        } else {
            System.arraycopy(src, from, dst, to, len);
        }
    }
}
