package org.layerlab.engine.ops;

import org.layerlab.engine.Parallel;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.VectorModule;
import org.layerlab.nn.Padding;

/**
 * Max pooling over NHWC windows: x (N, H, W, C) → y (N, outH, outW, C). Forward records, per
 * output, the input index that won (the first of tied maxima in row-major window order), and
 * backward routes the whole gradient to it, as PyTorch and TensorFlow do. Padding cells never win.
 */
public final class MaxPool2D {
    private MaxPool2D() {
    }

    public static void forward(Tensor x, Tensor y, Window w, int[] argMax) {
        float[] xd = x.data();
        float[] yd = y.data();
        int n = x.batch();
        boolean pairs = pairs(w);
        Parallel.Args args = Parallel.args();
        args.a = xd;
        args.b = yd;
        args.ints = argMax;
        args.object = w;
        long work = (long) y.size() * w.kh() * w.kw();
        if (pairs) {
            Parallel.range(n, work, args,
                    (p, from, to) -> PAIRS.forward(p.a, p.b, (Window) p.object, p.ints, from, to));
        } else {
            Parallel.range(n, work, args,
                    (p, from, to) -> forwardImages(p.a, p.b, (Window) p.object, p.ints, from, to));
        }
    }

    /** Windows of 2 × 2 cells at stride 2, unpadded: each input cell in at most one window. */
    private static boolean pairs(Window w) {
        return w.kh() == 2 && w.kw() == 2 && w.strideH() == 2 && w.strideW() == 2 && w.padTop() == 0
                && w.padLeft() == 0 && w.inH() >= 2 * w.outH() && w.inW() >= 2 * w.outW();
    }

    /** The 2×2, stride-2 case, on the Vector API where it is present. */
    interface Pairs {
        void forward(float[] xd, float[] yd, Window w, int[] argMax, int from, int to);

        /**
         * Images [from, to) of {@link #backward(Tensor, Tensor, Window, int[], boolean)}, window
         * by window: each of a window's four cells gets the gradient if it won, else (written)
         * zero or (added) is left as it was.
         */
        void backward(float[] g, float[] d, Window w, int[] argMax, int from, int to, boolean write);
    }

    static final Pairs PAIRS = loadPairs();

    private static Pairs loadPairs() {
        Pairs vector = VectorModule.load("org.layerlab.engine.ops.VectorMaxPool", Pairs.class);
        return vector != null ? vector : new ScalarPairs();
    }

    /** The pairs without the Vector API. */
    static final class ScalarPairs implements Pairs {
        @Override
        public void forward(float[] xd, float[] yd, Window w, int[] argMax, int from, int to) {
            forward2x2(xd, yd, w, argMax, from, to);
        }

        @Override
        public void backward(float[] g, float[] d, Window w, int[] argMax, int from, int to, boolean write) {
            int c = w.channels();
            int rowStride = w.inW() * c;
            for (int b = from; b < to; b++) {
                int xb = b * w.inputSize();
                int o = b * w.outH() * w.outW() * c;
                for (int oh = 0; oh < w.outH(); oh++) {
                    for (int ow = 0; ow < w.outW(); ow++, o += c) {
                        int i00 = xb + (2 * oh * w.inW() + 2 * ow) * c;
                        routeChannels(g, d, argMax, i00, i00 + c, i00 + rowStride, i00 + rowStride + c, o, 0, c,
                                write);
                    }
                }
                if (write) {
                    zeroUncovered(d, w, xb);
                }
            }
        }
    }

    /**
     * Channels [from, to) of one 2×2 window's gradient: the winner gets 0 + g written (the sum the
     * general loop forms, so a gradient of -0 lands as +0 there too) or g added; the other cells
     * get 0 written or are left alone.
     */
    static void routeChannels(float[] g, float[] d, int[] argMax, int i00, int i01, int i10, int i11, int o,
                              int from, int to, boolean write) {
        for (int ch = from; ch < to; ch++) {
            int at = argMax[o + ch];
            float v = g[o + ch];
            route(d, i00 + ch, at, v, write);
            route(d, i01 + ch, at, v, write);
            route(d, i10 + ch, at, v, write);
            route(d, i11 + ch, at, v, write);
        }
    }

    private static void route(float[] d, int cell, int winner, float g, boolean write) {
        if (write) {
            d[cell] = cell == winner ? 0f + g : 0f;
        } else if (cell == winner) {
            d[cell] += g;
        }
    }

    /** Writes zero to the cells of image xb that no window covers (the last row or column of an odd size). */
    static void zeroUncovered(float[] d, Window w, int xb) {
        int c = w.channels();
        int coveredW = 2 * w.outW() * c;
        int row = w.inW() * c;
        if (coveredW < row) {
            for (int h = 0; h < 2 * w.outH(); h++) {
                java.util.Arrays.fill(d, xb + h * row + coveredW, xb + (h + 1) * row, 0f);
            }
        }
        java.util.Arrays.fill(d, xb + 2 * w.outH() * row, xb + w.inH() * row, 0f);
    }

    /**
     * The common 2×2, stride-2, unpadded case without the general loop's bounds and first-cell
     * bookkeeping: four candidates per output, compared in the same row-major order (so ties and
     * NaN resolve exactly as in {@link #forwardImages}).
     */
    static void forward2x2(float[] xd, float[] yd, Window w, int[] argMax, int from, int to) {
        int c = w.channels();
        int rowStride = w.inW() * c;
        for (int b = from; b < to; b++) {
            int xb = b * w.inputSize();
            int o = b * w.outH() * w.outW() * c;
            for (int oh = 0; oh < w.outH(); oh++) {
                for (int ow = 0; ow < w.outW(); ow++, o += c) {
                    int i00 = xb + (2 * oh * w.inW() + 2 * ow) * c;
                    pairChannels(xd, yd, argMax, i00, i00 + c, i00 + rowStride, i00 + rowStride + c, o, 0, c);
                }
            }
        }
    }

    /** Channels [from, to) of one 2×2 window whose four cells start at i00, i01, i10, i11. */
    static void pairChannels(float[] xd, float[] yd, int[] argMax, int i00, int i01, int i10, int i11, int o,
                             int from, int to) {
        for (int ch = from; ch < to; ch++) {
            float best = xd[i00 + ch];
            int at = i00 + ch;
            // Selects instead of branches: which input wins is random, so branches mispredict.
            float v = xd[i01 + ch];
            boolean take = v > best || v != v;
            at = take ? i01 + ch : at;
            best = take ? v : best;
            v = xd[i10 + ch];
            take = v > best || v != v;
            at = take ? i10 + ch : at;
            best = take ? v : best;
            v = xd[i11 + ch];
            take = v > best || v != v;
            at = take ? i11 + ch : at;
            best = take ? v : best;
            yd[o + ch] = best;
            argMax[o + ch] = at;
        }
    }

    static void forwardImages(float[] xd, float[] yd, Window w, int[] argMax, int from, int to) {
        int c = w.channels();
        for (int b = from; b < to; b++) {
            int xb = b * w.inputSize();
            int o = b * w.outH() * w.outW() * c;
            for (int oh = 0; oh < w.outH(); oh++) {
                int h0 = oh * w.strideH() - w.padTop();
                for (int ow = 0; ow < w.outW(); ow++, o += c) {
                    int w0 = ow * w.strideW() - w.padLeft();
                    boolean first = true;
                    // Channels are contiguous in NHWC: compare whole pixel rows, channel by channel.
                    for (int i = Math.max(0, h0); i < Math.min(w.inH(), h0 + w.kh()); i++) {
                        for (int j = Math.max(0, w0); j < Math.min(w.inW(), w0 + w.kw()); j++) {
                            int idx = xb + (i * w.inW() + j) * c;
                            if (first) {
                                for (int ch = 0; ch < c; ch++) {
                                    yd[o + ch] = xd[idx + ch];
                                    argMax[o + ch] = idx + ch;
                                }
                                first = false;
                            } else {
                                for (int ch = 0; ch < c; ch++) {
                                    float v = xd[idx + ch];
                                    // 'v != v' lets a NaN win, so it propagates instead of vanishing; a NaN
                                    // already held is never replaced since nothing compares greater than it.
                                    if (v > yd[o + ch] || v != v) {
                                        yd[o + ch] = v;
                                        argMax[o + ch] = idx + ch;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** dx[argMax[o]] += dy[o]; each image's outputs point only into that image, so images run in parallel. */
    public static void backward(Tensor dy, Tensor dx, int[] argMax) {
        backward(dy, dx, argMax, false);
    }

    /**
     * The same for pooling over w, writing dx when write. 2 × 2 windows at stride 2 go window by
     * window ({@link Pairs}), writing each cell once, instead of zeroing dx and then adding each
     * gradient at its winner one float at a time. The benchmark CNN's poolings (`bench --profile`,
     * alternated twice): 0.178 -> 0.150-0.167 ms and 0.077 -> 0.052-0.059 ms a step; what is left
     * of the first is writing its 2.8 MB of dx.
     */
    public static void backward(Tensor dy, Tensor dx, Window w, int[] argMax, boolean write) {
        if (!pairs(w)) {
            backward(dy, dx, argMax, write);
            return;
        }
        Parallel.Args args = Parallel.args();
        args.a = dy.data();
        args.b = dx.data();
        args.ints = argMax;
        args.object = w;
        args.count = write ? 1 : 0;
        Parallel.range(dy.batch(), (long) dx.size() * 2, args,
                (p, from, to) -> PAIRS.backward(p.a, p.b, (Window) p.object, p.ints, from, to, p.count == 1));
    }

    /**
     * Routes each output's gradient to its winner; with write, each image's dx is zeroed first,
     * within the same chunk of images (while it is in cache), so dx need not be zeroed before.
     */
    public static void backward(Tensor dy, Tensor dx, int[] argMax, boolean write) {
        Parallel.Args args = Parallel.args();
        args.a = dy.data();
        args.b = dx.data();
        args.ints = argMax;
        args.width = dy.sampleSize();
        args.count = write ? dx.sampleSize() : 0;
        Parallel.range(dy.batch(), (long) dy.size() * 2, args, (p, from, to) -> {
            float[] g = p.a;
            float[] d = p.b;
            int[] at = p.ints;
            if (p.count > 0) {
                java.util.Arrays.fill(d, (int) (from * p.count), (int) (to * p.count), 0f);
            }
            for (int o = from * p.width, end = to * p.width; o < end; o++) {
                d[at[o]] += g[o];
            }
        });
    }
}
