package org.layerlab.engine.ops;

import java.util.Arrays;

import org.layerlab.engine.Parallel;
import org.layerlab.engine.Squash;

/**
 * The Keras LSTM cell: gates in Keras order i, f, c, o along the kernels' last axis,
 * z = x·W + h·U + b; i = σ(z_i), f = σ(z_f), g = act(z_c), o = σ(z_o);
 * c' = f ⊙ c + i ⊙ g; h' = o ⊙ act(c'), with σ the recurrent_activation (sigmoid) and act the
 * activation (tanh). PyTorch's nn.LSTM orders its gates i, f, g, o too but keeps the kernels
 * transposed (4u, in) and two biases (b_ih + b_hh) where Keras has one; ONNX orders i, o, f, c.
 */
public final class Lstm extends Recurrence {
    private final ActivationFunction activation;
    private final ActivationFunction recurrentActivation;
    private final double alpha;
    private final double recurrentAlpha;
    /** Pre-activations z and activated gates (N, T, 4u) in step order. */
    private float[] pre = new float[0];
    private float[] act = new float[0];
    /** Cell states (N, T+1, u) in step order, c[n, 0] = 0; and act(c) for each step. */
    private float[] c = new float[0];
    private float[] actC = new float[0];
    private float[] dc = new float[0];
    /** Work of one gate value for {@link Parallel#range}: an exp and a few multiply-adds. */
    private static final int GATE_COST = 16;

    public Lstm(int units, ActivationFunction activation, double alpha, ActivationFunction recurrentActivation,
                double recurrentAlpha, boolean returnSequences, boolean goBackwards) {
        super(units, 4, returnSequences, goBackwards);
        this.activation = activation;
        this.recurrentActivation = recurrentActivation;
        this.alpha = alpha;
        this.recurrentAlpha = recurrentAlpha;
    }

    @Override
    protected void ensureCellBuffers(int batch, int time) {
        int g = 4 * units * batch * time;
        if (pre.length < g) {
            pre = new float[g];
            act = new float[g];
        }
        if (c.length < batch * (time + 1) * units) {
            c = new float[batch * (time + 1) * units];
            actC = new float[batch * (time + 1) * units];
        }
        if (dc.length < batch * units) {
            dc = new float[batch * units];
        }
    }

    @Override
    protected void forwardStep(int s, float[] u, float[] bias) {
        int g = 4 * units;
        int t = time(s);
        for (int b = 0; b < n; b++) {
            System.arraycopy(xw, (b * steps + t) * g, pre, (b * steps + s) * g, g);
        }
        stateTimesU(s, u, pre, s * g, steps * g);
        Parallel.Args args = Parallel.args();
        args.object = this;
        args.width = s;
        // The gates cost an exp each (four per unit): as much time as the step's product, so on both cores too.
        Parallel.range(n, (long) n * g * GATE_COST, args, (p, from, to) -> ((Lstm) p.object).gatesForward(p.width, from, to));
    }

    private void gatesForward(int s, int from, int to) {
        int g = 4 * units;
        boolean fast = recurrentActivation == ActivationFunction.SIGMOID && activation == ActivationFunction.TANH;
        for (int b = from; b < to; b++) {
            int z = (b * steps + s) * g;
            int prev = state(b, s);
            int next = state(b, s + 1);
            if (s == 0) {
                Arrays.fill(c, prev, prev + units, 0f);
            }
            if (fast) {
                // Keras' defaults, the usual case: whole gate blocks through the vector exp.
                Squash.sigmoid(pre, z, act, z, 2 * units);
                Squash.tanh(pre, z + 2 * units, act, z + 2 * units, units);
                Squash.sigmoid(pre, z + 3 * units, act, z + 3 * units, units);
                for (int j = 0; j < units; j++) {
                    c[next + j] = act[z + units + j] * c[prev + j] + act[z + j] * act[z + 2 * units + j];
                }
                Squash.tanh(c, next, actC, next, units);
                for (int j = 0; j < units; j++) {
                    h[next + j] = act[z + 3 * units + j] * actC[next + j];
                }
                continue;
            }
            for (int j = 0; j < units; j++) {
                float i = apply(recurrentActivation, recurrentAlpha, pre[z + j]);
                float f = apply(recurrentActivation, recurrentAlpha, pre[z + units + j]);
                float cand = apply(activation, alpha, pre[z + 2 * units + j]);
                float o = apply(recurrentActivation, recurrentAlpha, pre[z + 3 * units + j]);
                act[z + j] = i;
                act[z + units + j] = f;
                act[z + 2 * units + j] = cand;
                act[z + 3 * units + j] = o;
                float cell = f * c[prev + j] + i * cand;
                float tc = apply(activation, alpha, cell);
                c[next + j] = cell;
                actC[next + j] = tc;
                h[next + j] = o * tc;
            }
        }
    }

    @Override
    protected void carryState(int b, int s) {
        super.carryState(b, s);
        System.arraycopy(c, state(b, s), c, state(b, s + 1), units);
        System.arraycopy(actC, state(b, s), actC, state(b, s + 1), units);
    }

    @Override
    protected void backwardStep(int s, float[] u, float[] du, float[] db) {
        int g = 4 * units;
        int t = time(s);
        if (s == steps - 1) {
            Arrays.fill(dc, 0, n * units, 0f);
        }
        Parallel.Args args = Parallel.args();
        args.object = this;
        args.width = s;
        Parallel.range(n, (long) n * g * GATE_COST, args, (p, from, to) -> ((Lstm) p.object).gatesBackward(p.width, from, to));
        backThroughU(s, u, du, dxw, t * g, steps * g);
    }
    private void gatesBackward(int s, int from, int to) {
        int g = 4 * units;
        int t = time(s);
        boolean fast = recurrentActivation == ActivationFunction.SIGMOID && activation == ActivationFunction.TANH;
        for (int b = from; b < to; b++) {
            int z = (b * steps + s) * g;
            int d = (b * steps + t) * g;
            int prev = state(b, s);
            int next = state(b, s + 1);
            if (masked(b, s)) {
                // Padding: the cell passed through unchanged, and so does its gradient (dc kept as is).
                skip(b, dxw, d);
                continue;
            }
            Arrays.fill(carry, b * units, (b + 1) * units, 0f);
            if (fast) {
                // Sigmoid' = y(1 − y), tanh' = 1 − y²: plain arithmetic, which C2 vectorizes.
                int o4 = b * units;
                for (int j = 0; j < units; j++) {
                    float i = act[z + j];
                    float f = act[z + units + j];
                    float cand = act[z + 2 * units + j];
                    float o = act[z + 3 * units + j];
                    float dhj = dh[o4 + j];
                    float tc = actC[next + j];
                    float dct = dc[o4 + j] + dhj * o * (1f - tc * tc);
                    dxw[d + j] = dct * cand * i * (1f - i);
                    dxw[d + units + j] = dct * c[prev + j] * f * (1f - f);
                    dxw[d + 2 * units + j] = dct * i * (1f - cand * cand);
                    dxw[d + 3 * units + j] = dhj * tc * o * (1f - o);
                    dc[o4 + j] = dct * f;
                }
                continue;
            }
            for (int j = 0; j < units; j++) {
                float i = act[z + j];
                float f = act[z + units + j];
                float cand = act[z + 2 * units + j];
                float o = act[z + 3 * units + j];
                float dhj = dh[b * units + j];
                float tc = actC[next + j];
                float dct = dc[b * units + j] + dhj * o * slope(activation, alpha, c[next + j], tc);
                dxw[d + j] = dct * cand * slope(recurrentActivation, recurrentAlpha, pre[z + j], i);
                dxw[d + units + j] = dct * c[prev + j] * slope(recurrentActivation, recurrentAlpha, pre[z + units + j], f);
                dxw[d + 2 * units + j] = dct * i * slope(activation, alpha, pre[z + 2 * units + j], cand);
                dxw[d + 3 * units + j] = dhj * tc * slope(recurrentActivation, recurrentAlpha, pre[z + 3 * units + j], o);
                dc[b * units + j] = dct * f;
            }
        }
    }
}
