package org.layerlab.engine;

/**
 * Sigmoid and tanh over runs of an array: the gates of the recurrent layers, which evaluate an
 * exponential per value, as many of them per step as the step's matrix product has outputs. On
 * the Vector API (when java runs with jdk.incubator.vector) a run is a few vector exps, the JIT's
 * SVML intrinsics on x86; otherwise the same formulas value by value.
 */
public abstract class Squash {
    private static final Squash INSTANCE = load();

    /** y[yOff..yOff+n) = 1 / (1 + exp(−x)). */
    public static void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        INSTANCE.sigmoidRun(x, xOff, y, yOff, n);
    }

    /** y[yOff..yOff+n) = tanh(x), as 1 − 2 / (exp(2x) + 1), which saturates to ±1 without overflow trouble. */
    public static void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        INSTANCE.tanhRun(x, xOff, y, yOff, n);
    }

    abstract void sigmoidRun(float[] x, int xOff, float[] y, int yOff, int n);

    abstract void tanhRun(float[] x, int xOff, float[] y, int yOff, int n);

    public static float sigmoid(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }

    public static float tanh(float x) {
        return 1f - 2f / ((float) Math.exp(2 * x) + 1f);
    }

    private static Squash load() {
        Squash vector = VectorModule.disabled() ? null : VectorModule.load("org.layerlab.engine.VectorSquash", Squash.class);
        return vector != null ? vector : new Scalar();
    }

    /** The value-by-value form, also the tail of each vector run. */
    static final class Scalar extends Squash {
        @Override
        void sigmoidRun(float[] x, int xOff, float[] y, int yOff, int n) {
            for (int i = 0; i < n; i++) {
                y[yOff + i] = sigmoid(x[xOff + i]);
            }
        }

        @Override
        void tanhRun(float[] x, int xOff, float[] y, int yOff, int n) {
            for (int i = 0; i < n; i++) {
                y[yOff + i] = tanh(x[xOff + i]);
            }
        }
    }
}
