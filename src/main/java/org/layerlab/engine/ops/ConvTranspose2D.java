package org.layerlab.engine.ops;

import java.util.Arrays;

import org.layerlab.engine.Gemm;
import org.layerlab.engine.Parallel;
import org.layerlab.engine.Tensor;

/**
 * Transposed 2-D convolution, the adjoint of {@link Conv2D}: x (N, H, W, C) spreads each pixel
 * through the kernel into y (N, Ho, Wo, F). The window w is that of the convolution it is the
 * adjoint of: from an image of y's size (Ho, Wo, F) down to x's (H, W), so y = fold(x·Kᵀ) with
 * kernel (kh, kw, F, C) viewed as (kh·kw·F, C), Keras' layout for Conv2DTranspose. Backward is that
 * convolution run forwards: dx = unroll(dy)·K, and dK += unroll(dy)ᵀ·x.
 */
public final class ConvTranspose2D {
    private ConvTranspose2D() {
    }

    /** y = fold(x·Kᵀ) + bias; cols (N·H·W × kh·kw·F) is scratch. */
    public static void forward(Tensor x, Tensor kernel, Tensor bias, Tensor y, Window w, float[] cols) {
        int n = x.batch();
        int rows = n * w.outH() * w.outW();
        int patch = w.patchSize();
        int channels = kernel.dim(3);
        Gemm.multiply(false, true, rows, patch, channels, x.data(), 0, channels, kernel.data(), 0, channels,
                cols, 0, patch, false);
        Arrays.fill(y.data(), 0, n * w.inputSize(), 0f);
        fold(cols, n, w, y.data());
        if (bias != null) {
            AddBias.forward(y, bias);
        }
    }

    /** dKernel += unroll(dy)ᵀ·x, dBias += Σ dy, and (when dx is not null) dx += unroll(dy)·K; cols is scratch. */
    public static void backward(Tensor x, Tensor dy, Tensor kernel, Tensor dx, Tensor dKernel, Tensor dBias, Window w,
                                float[] cols) {
        int n = dy.batch();
        int rows = n * w.outH() * w.outW();
        int patch = w.patchSize();
        int channels = kernel.dim(3);
        unroll(dy.data(), n, w, cols);
        Gemm.multiply(true, false, patch, channels, rows, cols, 0, patch, x.data(), 0, channels,
                dKernel.data(), 0, channels, true);
        if (dBias != null) {
            AddBias.backward(dy, dBias);
        }
        if (dx != null) {
            Gemm.multiply(false, false, rows, channels, patch, cols, 0, patch, kernel.data(), 0, channels,
                    dx.data(), 0, channels, true);
        }
    }

    private static void fold(float[] cols, int n, Window w, float[] y) {
        Parallel.Args args = Parallel.args();
        args.a = cols;
        args.b = y;
        args.object = w;
        Parallel.range(n, (long) n * w.outH() * w.outW() * w.patchSize(), args,
                (p, from, to) -> Im2Col.fold(p.a, from, to, (Window) p.object, p.b));
    }

    private static void unroll(float[] dy, int n, Window w, float[] cols) {
        Parallel.Args args = Parallel.args();
        args.a = dy;
        args.b = cols;
        args.object = w;
        Parallel.range(n, (long) n * w.outH() * w.outW() * w.patchSize(), args,
                (p, from, to) -> Im2Col.unroll(p.a, from, to, (Window) p.object, p.b));
    }
}
