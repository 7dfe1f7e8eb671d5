package org.layerlab.engine.ops;

import org.layerlab.engine.Gemm;
import org.layerlab.engine.Parallel;
import org.layerlab.engine.Tensor;

/**
 * 2-D convolution (cross-correlation, as Keras and PyTorch compute it) through im2col + GEMM.
 * Shapes: x (N, H, W, C), kernel (kh, kw, C, F) viewed as (kh·kw·C, F), bias (F) or null,
 * y (N, outH, outW, F). The caller supplies the im2col buffer (N·outH·outW × kh·kw·C) so that
 * nothing is allocated per step; forward leaves it filled for backward. Images of up to four
 * channels are unrolled transposed (kh·kw·C × N·outH·outW, tap by tap), which copies runs of
 * pixels instead of windows of a few floats each.
 */
public final class Conv2D {
    private Conv2D() {
    }

    public static void forward(Tensor x, Tensor kernel, Tensor bias, Tensor y, Window w, float[] cols) {
        int n = x.batch();
        int rows = n * w.outH() * w.outW();
        int patch = w.patchSize();
        int filters = kernel.dim(3);
        unrollParallel(x.data(), n, w, cols, rows);
        if (byTap(w)) {
            Gemm.multiply(true, false, rows, filters, patch, cols, 0, rows, kernel.data(), 0, filters,
                    y.data(), 0, filters, false);
        } else {
            Gemm.multiply(false, false, rows, filters, patch, cols, 0, patch, kernel.data(), 0, filters,
                    y.data(), 0, filters, false);
        }
        if (bias != null) {
            AddBias.forward(y, bias);
        }
    }

    /**
     * Accumulates dKernel += colsᵀ·dy, dBias += Σ dy, and (when dx is not null) dx += fold(dy·Kᵀ),
     * reusing cols (still holding this batch's windows) and dcols as scratch of the same size.
     */
    public static void backward(Tensor dy, Tensor kernel, Tensor dx, Tensor dKernel, Tensor dBias, Window w,
                                float[] cols, float[] dcols) {
        backward(dy, kernel, dx, dKernel, dBias, w, cols, dcols, false);
    }

    /** The same, with dKernel = colsᵀ·dy written rather than added when writeDKernel. */
    public static void backward(Tensor dy, Tensor kernel, Tensor dx, Tensor dKernel, Tensor dBias, Window w,
                                float[] cols, float[] dcols, boolean writeDKernel) {
        int n = dy.batch();
        int rows = n * w.outH() * w.outW();
        int patch = w.patchSize();
        int filters = kernel.dim(3);
        boolean byTap = byTap(w);
        if (byTap) {
            Gemm.multiply(false, false, patch, filters, rows, cols, 0, rows, dy.data(), 0, filters,
                    dKernel.data(), 0, filters, !writeDKernel);
        } else {
            Gemm.multiply(true, false, patch, filters, rows, cols, 0, patch, dy.data(), 0, filters,
                    dKernel.data(), 0, filters, !writeDKernel);
        }
        if (dBias != null) {
            AddBias.backward(dy, dBias);
        }
        if (dx == null) {
            return;
        }
        if (byTap) {
            Gemm.multiply(false, true, patch, rows, filters, kernel.data(), 0, filters, dy.data(), 0, filters,
                    dcols, 0, rows, false);
        } else {
            Gemm.multiply(false, true, rows, patch, filters, dy.data(), 0, filters, kernel.data(), 0, filters,
                    dcols, 0, patch, false);
        }
        int perImage = w.outH() * w.outW() * patch;
        Parallel.Args args = Parallel.args();
        args.a = dcols;
        args.b = dx.data();
        args.object = w;
        args.count = rows;
        if (byTap) {
            Parallel.range(n, (long) n * perImage, args,
                    (p, from, to) -> Im2Col.foldByTap(p.a, from, to, (Window) p.object, p.b, (int) p.count));
        } else {
            Parallel.range(n, (long) n * perImage, args,
                    (p, from, to) -> Im2Col.fold(p.a, from, to, (Window) p.object, p.b));
        }
    }

    // Up to this many input channels the windows are unrolled tap by tap (Im2Col.unrollByTap) and
    // the products read them transposed.
    private static final int FEW_CHANNELS = 4;

    private static boolean byTap(Window w) {
        return w.channels() <= FEW_CHANNELS;
    }

    private static void unrollParallel(float[] x, int n, Window w, float[] cols, int rows) {
        int perImage = w.outH() * w.outW() * w.patchSize();
        Parallel.Args args = Parallel.args();
        args.a = x;
        args.b = cols;
        args.object = w;
        args.count = rows;
        if (byTap(w)) {
            Parallel.range(n, (long) n * perImage, args,
                    (p, from, to) -> Im2Col.unrollByTap(p.a, from, to, (Window) p.object, p.b, (int) p.count));
        } else {
            Parallel.range(n, (long) n * perImage, args,
                    (p, from, to) -> Im2Col.unroll(p.a, from, to, (Window) p.object, p.b));
        }
    }
}
