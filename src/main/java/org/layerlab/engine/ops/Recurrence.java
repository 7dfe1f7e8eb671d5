package org.layerlab.engine.ops;

import java.util.Arrays;

import org.layerlab.engine.Gemm;
import org.layerlab.engine.Squash;
import org.layerlab.engine.Tensor;

/**
 * Backpropagation through time shared by the recurrent cells ({@link Lstm}, {@link Gru},
 * {@link SimpleRnn}), over batch-first input x (N, T, F) and Keras weights: kernel W (F, G·u),
 * recurrent kernel U (u, G·u), G gate blocks of u units.
 *
 * <p>Why it is fast: the input half of every gate, x·W + b, does not depend on the state, so it is
 * one large matrix product over all N·T rows before the time loop (and dW, dx after it); only h·U
 * remains inside the loop, one product per step. Buffers grow to the largest (N, T) seen and are
 * reused, so a step in steady state allocates nothing.
 *
 * <p>Time order: step s reads input time τ(s) = s, or T−1−s with go_backwards; the state sequence
 * and a returned sequence are in step order, as in Keras (a backwards layer returns its outputs
 * reversed). The initial state is zero.
 */
public abstract class Recurrence {
    protected final int units;
    protected final int gates;
    private final boolean returnSequences;
    private final boolean goBackwards;

    protected int n;
    protected int steps;
    /** x·W + input bias, (N, T, G·u) in input time order; its gradient in {@link #dxw}. */
    protected float[] xw = new float[0];
    protected float[] dxw = new float[0];
    /** States (N, T+1, u) in step order: h[n, 0] is the zero initial state, h[n, s+1] the state after step s. */
    protected float[] h = new float[0];
    /** The gradient reaching the state between steps, (N, u). */
    protected float[] dh = new float[0];
    /** Keras' dropout argument: on the input, one mask a sample for every step. */
    private final SequenceDropout inputDropout = new SequenceDropout();
    /**
     * Recurrent dropout (Keras' recurrent_dropout): per gate block, one keep-mask per sample and
     * unit, the same at every step, on the state as it enters the recurrent kernel U only (the
     * state carried on, as GRU's z ⊙ h, is whole), as Keras 3 does (its implementation 1, which
     * it switches to for recurrent dropout). Off outside training.
     */
    private double recurrentDropout;
    private long recurrentState;
    private byte[] recurrentMask = new byte[0];
    private boolean recurrentDropped;
    private boolean holdRecurrentMask;
    /** One step's state with a gate's mask applied, (N, u), and its gradient. */
    private float[] maskedState = new float[0];
    private float[] maskedGrad = new float[0];
    /** Keras' mask: padding steps (0) leave the state as it was; null when every step is real. */
    private byte[] padding;
    /**
     * The part of dL/dh[:, s] that reaches it directly, not through U: a padding step's whole
     * gradient (its state is the previous one), GRU's z ⊙ dh. Cells fill it; backThroughU adds it.
     */
    protected float[] carry = new float[0];

    protected Recurrence(int units, int gates, boolean returnSequences, boolean goBackwards) {
        this.units = units;
        this.gates = gates;
        this.returnSequences = returnSequences;
        this.goBackwards = goBackwards;
    }

    public int units() {
        return units;
    }

    /** Steps of the last forward pass. */
    public int steps() {
        return steps;
    }

    /**
     * The state after each step for one sample of the last forward pass, (steps, units) in step
     * order (reversed input time for a backwards layer), copied into out.
     */
    public void states(int sample, float[] out) {
        System.arraycopy(h, state(sample, 1), out, 0, steps * units);
    }

    /** The padding mask of the next forward pass, (N, T) in input time order; null for none. */
    public void setMask(byte[] mask) {
        this.padding = mask;
    }

    /** Whether step s of sample b reads a padding position (its state stays as it was). */
    protected final boolean masked(int b, int s) {
        return padding != null && padding[b * steps + time(s)] == 0;
    }

    /** A padding step: the state after it is the state before it (LSTM also carries its cell). */
    protected void carryState(int b, int s) {
        System.arraycopy(h, state(b, s), h, state(b, s + 1), units);
    }

    /** Drops this share of each sample's input features (the same ones at every step) while training. */
    public void setDropout(double rate, long seed) {
        inputDropout.set(rate, seed);
    }

    /** Drops this share of the state entering each gate's recurrent product (one mask a gate, the same every step) while training. */
    public void setRecurrentDropout(double rate, long seed) {
        this.recurrentDropout = rate;
        this.recurrentState = seed;
    }

    /** Keeps the recurrent dropout masks of the next forward pass for the ones after it: gradient checks compare passes. */
    public void holdRecurrentMask() {
        holdRecurrentMask = true;
    }

    /** Input time read at step s. */
    protected final int time(int s) {
        return goBackwards ? steps - 1 - s : s;
    }

    /** Offset of h[b, s] in {@link #h}. */
    protected final int state(int b, int s) {
        return (b * (steps + 1) + s) * units;
    }

    /** Row stride of the state sequence. */
    protected final int stateStride() {
        return (steps + 1) * units;
    }

    /** Grows the cell's own per-(N, T) buffers. */
    protected abstract void ensureCellBuffers(int batch, int time);

    /** Step s: reads h[:, s] and xw[:, τ(s)], writes h[:, s+1] and what backward needs. */
    protected abstract void forwardStep(int s, float[] u, float[] bias);

    /**
     * Step s backwards: dh holds dL/dh[:, s+1]; writes dxw[:, τ(s)], accumulates dU (and a
     * recurrent bias) and leaves dL/dh[:, s] in dh.
     */
    protected abstract void backwardStep(int s, float[] u, float[] du, float[] db);

    /** Keras' input bias: the whole bias vector, or (GRU with reset_after) its first row. */
    protected int inputBiasLength() {
        return gates * units;
    }

    public void forward(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias, Tensor y, boolean training) {
        n = x.batch();
        steps = x.dim(1);
        int features = x.dim(2);
        int g = gates * units;
        int rows = n * steps;
        ensure(rows);
        float[] in = inputDropout.forward(x.data(), n, steps, features, training);
        Gemm.multiply(false, false, rows, g, features, in, 0, features, kernel.data(), 0, g, xw, 0, g, false);
        if (bias != null) {
            float[] b = bias.data();
            int len = inputBiasLength();
            for (int r = 0; r < rows; r++) {
                int o = r * g;
                for (int j = 0; j < len; j++) {
                    xw[o + j] += b[j];
                }
            }
        }
        for (int b = 0; b < n; b++) {
            Arrays.fill(h, state(b, 0), state(b, 0) + units, 0f);
        }
        recurrentDropped = training && recurrentDropout > 0;
        if (recurrentDropped) {
            drawRecurrentMasks();
        }
        float[] u = recurrentKernel.data();
        float[] bd = bias == null ? null : bias.data();
        for (int s = 0; s < steps; s++) {
            forwardStep(s, u, bd);
            for (int b = 0; b < n && padding != null; b++) {
                if (masked(b, s)) {
                    carryState(b, s);
                }
            }
        }
        float[] out = y.data();
        for (int b = 0; b < n; b++) {
            if (returnSequences) {
                System.arraycopy(h, state(b, 1), out, b * steps * units, steps * units);
            } else {
                System.arraycopy(h, state(b, steps), out, b * units, units);
            }
        }
    }

    /** After {@link #forward} with the same x: accumulates dx (when not null), dW, dU and db. */
    public void backward(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor dy, Tensor dx, Tensor dKernel,
                         Tensor dRecurrent, Tensor dBias) {
        int features = x.dim(2);
        int g = gates * units;
        int rows = n * steps;
        Arrays.fill(dh, 0, n * units, 0f);
        float[] gy = dy.data();
        float[] u = recurrentKernel.data();
        float[] du = dRecurrent.data();
        float[] db = dBias == null ? null : dBias.data();
        for (int s = steps - 1; s >= 0; s--) {
            if (returnSequences || s == steps - 1) {
                for (int b = 0; b < n; b++) {
                    int from = returnSequences ? (b * steps + s) * units : b * units;
                    int to = b * units;
                    for (int j = 0; j < units; j++) {
                        dh[to + j] += gy[from + j];
                    }
                }
            }
            backwardStep(s, u, du, db);
        }
        Gemm.multiply(true, false, features, g, rows, inputDropout.seen(x.data()), 0, features, dxw, 0, g,
                dKernel.data(), 0, g, true);
        if (dx != null) {
            inputDropout.backward(dxw, g, kernel.data(), dx.data(), n, steps, features);
        }
        if (db != null) {
            int len = inputBiasLength();
            for (int r = 0; r < rows; r++) {
                int o = r * g;
                for (int j = 0; j < len; j++) {
                    db[j] += dxw[o + j];
                }
            }
        }
    }

    /** h[:, s] · U accumulated into rows of c (stride ldc, offset cOff): the recurrent half of step s. */
    protected final void stateTimesU(int s, float[] u, float[] c, int cOff, int ldc) {
        int g = gates * units;
        if (!recurrentDropped) {
            Gemm.multiply(false, false, n, g, units, h, s * units, stateStride(), u, 0, g, c, cOff, ldc, true);
            return;
        }
        // Each gate block sees the state through its own mask: a product per block, the same work in all.
        for (int k = 0; k < gates; k++) {
            maskState(s, k);
            Gemm.multiply(false, false, n, units, units, maskedState, 0, units, u, k * units, g, c, cOff + k * units,
                    ldc, true);
        }
    }

    /** h[:, s] ⊙ mask of gate k / (1 − rate), into {@link #maskedState}. */
    private void maskState(int s, int k) {
        float scale = (float) (1 / (1 - recurrentDropout));
        for (int b = 0; b < n; b++) {
            int from = state(b, s);
            int m = (k * n + b) * units;
            for (int j = 0; j < units; j++) {
                maskedState[b * units + j] = recurrentMask[m + j] != 0 ? h[from + j] * scale : 0f;
            }
        }
    }

    /** One fresh mask per gate block, sample and unit (or the held ones). */
    private void drawRecurrentMasks() {
        int size = gates * n * units;
        boolean grown = recurrentMask.length < size;
        if (grown) {
            recurrentMask = new byte[size];
        }
        if (maskedState.length < n * units) {
            maskedState = new float[n * units];
            maskedGrad = new float[n * units];
        }
        if (!holdRecurrentMask || grown) {
            recurrentState = Dropout.drawMask(recurrentMask, size, recurrentDropout, recurrentState);
        }
    }

    /**
     * dU += h[:, s]ᵀ · d (d: N rows of G·u with stride ldd), then dh = d · Uᵀ + carry. A padding
     * step's row of d must be zero (its gates did nothing) and its carry its whole dh.
     */
    protected final void backThroughU(int s, float[] u, float[] du, float[] d, int dOff, int ldd) {
        int g = gates * units;
        if (recurrentDropped) {
            backThroughMaskedU(s, u, du, d, dOff, ldd);
            return;
        }
        Gemm.multiply(true, false, units, g, n, h, s * units, stateStride(), d, dOff, ldd, du, 0, g, true);
        Gemm.multiply(false, true, n, units, g, d, dOff, ldd, u, 0, g, dh, 0, units, false);
        for (int i = 0; i < n * units; i++) {
            dh[i] += carry[i];
        }
    }

    /** {@link #backThroughU} with recurrent dropout: per gate block, through its masked state. */
    private void backThroughMaskedU(int s, float[] u, float[] du, float[] d, int dOff, int ldd) {
        int g = gates * units;
        float scale = (float) (1 / (1 - recurrentDropout));
        System.arraycopy(carry, 0, dh, 0, n * units);
        for (int k = 0; k < gates; k++) {
            maskState(s, k);
            Gemm.multiply(true, false, units, units, n, maskedState, 0, units, d, dOff + k * units, ldd, du, k * units, g,
                    true);
            Gemm.multiply(false, true, n, units, units, d, dOff + k * units, ldd, u, k * units, g, maskedGrad, 0, units,
                    false);
            for (int b = 0; b < n; b++) {
                int m = (k * n + b) * units;
                for (int j = 0; j < units; j++) {
                    if (recurrentMask[m + j] != 0) {
                        dh[b * units + j] += maskedGrad[b * units + j] * scale;
                    }
                }
            }
        }
    }

    /** For a padding step of sample b: no gradient to its gates (row of d at offset) and dh carried whole. */
    protected final void skip(int b, float[] d, int offset) {
        Arrays.fill(d, offset, offset + gates * units, 0f);
        System.arraycopy(dh, b * units, carry, b * units, units);
    }

    private void ensure(int rows) {
        int g = gates * units;
        if (xw.length < rows * g) {
            xw = new float[rows * g];
            dxw = new float[rows * g];
        }
        if (h.length < n * (steps + 1) * units) {
            h = new float[n * (steps + 1) * units];
        }
        if (dh.length < n * units) {
            dh = new float[n * units];
            carry = new float[n * units];
        }
        ensureCellBuffers(n, steps);
    }

    /** f(x), with sigmoid and tanh, the defaults of every cell, on their fast paths. */
    static float apply(ActivationFunction f, double alpha, float x) {
        return switch (f) {
            case SIGMOID -> Squash.sigmoid(x);
            case TANH -> Squash.tanh(x);
            default -> (float) f.value(x, alpha);
        };
    }

    /** f'(x) given y = f(x). */
    static float slope(ActivationFunction f, double alpha, float x, float y) {
        return switch (f) {
            case SIGMOID -> y * (1f - y);
            case TANH -> 1f - y * y;
            default -> (float) f.derivative(x, y, alpha);
        };
    }
}
