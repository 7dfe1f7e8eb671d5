package org.layerlab.engine.ops;

import org.layerlab.engine.Gemm;
import org.layerlab.engine.Tensor;

/**
 * y = x · W + b over the last axis. Shapes: x (N, ..., in), W (in, out), b (out) or null,
 * y (N, ..., out): a sequence (N, T, in) is N·T rows of one product, as Keras' Dense on rank 3.
 */
public final class Linear {
    private Linear() {
    }

    public static void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        int in = w.dim(0);
        int out = w.dim(1);
        if (x.sampleSize() % in != 0) {
            // The message is built only here: built on every call it was an allocation per step.
            throw new IllegalArgumentException("input has " + x.sampleSize() + " features but the weights expect " + in);
        }
        int n = x.size() / in;
        Gemm.multiply(false, false, n, out, in, x.data(), 0, in, w.data(), 0, out, y.data(), 0, out, false);
        if (b != null) {
            AddBias.forward(y, b);
        }
    }

    /**
     * Accumulates dx += dy · Wᵀ (skipped when dx is null), dW += xᵀ · dy and db += Σ dy over the batch.
     */
    public static void backward(Tensor x, Tensor w, Tensor dy, Tensor dx, Tensor dw, Tensor db) {
        backward(x, w, dy, dx, dw, db, false);
    }

    /** The same, with dW = xᵀ · dy written rather than added when writeDw. */
    public static void backward(Tensor x, Tensor w, Tensor dy, Tensor dx, Tensor dw, Tensor db, boolean writeDw) {
        int in = w.dim(0);
        int n = x.size() / in;
        int out = w.dim(1);
        if (dx != null) {
            Gemm.multiply(false, true, n, in, out, dy.data(), 0, out, w.data(), 0, out, dx.data(), 0, in, true);
        }
        Gemm.multiply(true, false, in, out, n, x.data(), 0, in, dy.data(), 0, out, dw.data(), 0, out, !writeDw);
        if (db != null) {
            AddBias.backward(dy, db);
        }
    }
}
