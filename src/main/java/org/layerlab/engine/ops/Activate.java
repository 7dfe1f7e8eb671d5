package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/** y = f(x) elementwise for an {@link ActivationFunction}; softmax goes to {@link Softmax}. */
public final class Activate {
    private Activate() {
    }

    public static void forward(ActivationFunction f, double alpha, Tensor x, Tensor y) {
        float[] xd = x.data();
        float[] yd = y.data();
        int n = x.size();
        switch (f) {
            case LINEAR -> System.arraycopy(xd, 0, yd, 0, n);
            case RELU -> {
                // The hot path of most networks: kept free of the switch inside value().
                for (int i = 0; i < n; i++) {
                    float v = xd[i];
                    yd[i] = v > 0f ? v : 0f;
                }
            }
            case SOFTMAX -> Softmax.forward(x, y);
            default -> {
                for (int i = 0; i < n; i++) {
                    yd[i] = (float) f.value(xd[i], alpha);
                }
            }
        }
    }

    /** dx += f'(x) ⊙ dy. */
    public static void backward(ActivationFunction f, double alpha, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        float[] xd = x.data();
        float[] yd = y.data();
        float[] g = dy.data();
        float[] d = dx.data();
        int n = x.size();
        switch (f) {
            case LINEAR -> {
                for (int i = 0; i < n; i++) {
                    d[i] += g[i];
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    if (xd[i] > 0f) {
                        d[i] += g[i];
                    }
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    float s = yd[i];
                    d[i] += g[i] * s * (1f - s);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    float t = yd[i];
                    d[i] += g[i] * (1f - t * t);
                }
            }
            case SOFTMAX -> Softmax.backward(y, dy, dx);
            default -> {
                for (int i = 0; i < n; i++) {
                    d[i] += (float) (g[i] * f.derivative(xd[i], yd[i], alpha));
                }
            }
        }
    }
}
