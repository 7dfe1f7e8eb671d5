package org.layerlab.engine.ops;

import org.layerlab.engine.Parallel;
import org.layerlab.engine.Tensor;

/** y = f(x) elementwise for an {@link ActivationFunction}; softmax and log_softmax go to their row-wise ops. */
public final class Activate {
    private Activate() {
    }

    public static void forward(ActivationFunction f, double alpha, Tensor x, Tensor y) {
        if (f == ActivationFunction.SOFTMAX) {
            Softmax.forward(x, y);
            return;
        }
        if (f == ActivationFunction.LOG_SOFTMAX) {
            LogSoftmax.forward(x, y);
            return;
        }
        Parallel.Args args = Parallel.args();
        args.object = f;
        args.number = alpha;
        args.a = x.data();
        args.b = y.data();
        Parallel.range(x.size(), (long) x.size() * COST, args,
                (p, from, to) -> forwardRange((ActivationFunction) p.object, p.number, p.a, p.b, from, to));
    }

    // Elementwise work is memory-bound: weigh each element like a few flops when deciding to split.
    private static final int COST = 4;

    private static void forwardRange(ActivationFunction f, double alpha, float[] xd, float[] yd, int from, int n) {
        switch (f) {
            case LINEAR -> System.arraycopy(xd, from, yd, from, n - from);
            case RELU -> {
                // The hot path of most networks: Math.max compiles to vector max instructions,
                // where a branch per element would not (and it keeps NaN visible, as it should be).
                for (int i = from; i < n; i++) {
                    yd[i] = Math.max(xd[i], 0f);
                }
            }
            default -> {
                for (int i = from; i < n; i++) {
                    yd[i] = (float) f.value(xd[i], alpha);
                }
            }
        }
    }

    /** dx += f'(x) ⊙ dy. */
    public static void backward(ActivationFunction f, double alpha, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        backward(f, alpha, x, y, dy, dx, false);
    }

    /** dx = f'(x) ⊙ dy when write, else dx += f'(x) ⊙ dy: writing spares the caller zeroing dx first. */
    public static void backward(ActivationFunction f, double alpha, Tensor x, Tensor y, Tensor dy, Tensor dx,
                                boolean write) {
        if (f == ActivationFunction.SOFTMAX || f == ActivationFunction.LOG_SOFTMAX) {
            if (write) {
                dx.zero();
            }
            if (f == ActivationFunction.SOFTMAX) {
                Softmax.backward(y, dy, dx);
            } else {
                LogSoftmax.backward(y, dy, dx);
            }
            return;
        }
        Parallel.Args args = Parallel.args();
        args.object = f;
        args.number = alpha;
        args.a = x.data();
        args.b = y.data();
        args.c = dy.data();
        args.d = dx.data();
        args.count = write ? 1 : 0;
        Parallel.range(x.size(), (long) x.size() * COST, args,
                (p, from, to) -> backwardRange((ActivationFunction) p.object, p.number, p.a, p.b, p.c, p.d, from, to,
                        p.count == 1));
    }

    private static void backwardRange(ActivationFunction f, double alpha, float[] xd, float[] yd, float[] g, float[] d,
                                      int from, int n, boolean write) {
        if (write && f == ActivationFunction.RELU) {
            // As below, written instead of added (the sign of a zero gradient may differ: -0 for +0).
            for (int i = from; i < n; i++) {
                d[i] = g[i] * Math.min(1f, yd[i] * 1e38f * 1e38f);
            }
            return;
        }
        if (write) {
            // The other functions add into this chunk of dx zeroed here, while it is in cache.
            java.util.Arrays.fill(d, from, n, 0f);
        }
        switch (f) {
            case LINEAR -> {
                for (int i = from; i < n; i++) {
                    d[i] += g[i];
                }
            }
            case RELU -> {
                // Branch-free so it vectorizes: y = max(x, 0), and min(1, y·10^76) is exactly 1 for
                // any y > 0 (the smallest subnormal included) and 0 for y = 0.
                for (int i = from; i < n; i++) {
                    d[i] += g[i] * Math.min(1f, yd[i] * 1e38f * 1e38f);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < n; i++) {
                    float s = yd[i];
                    d[i] += g[i] * s * (1f - s);
                }
            }
            case TANH -> {
                for (int i = from; i < n; i++) {
                    float t = yd[i];
                    d[i] += g[i] * (1f - t * t);
                }
            }
            default -> {
                for (int i = from; i < n; i++) {
                    d[i] += (float) (g[i] * f.derivative(xd[i], yd[i], alpha));
                }
            }
        }
    }
}
