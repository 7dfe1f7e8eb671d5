package org.layerlab.engine.ops;

import java.util.Arrays;

import org.layerlab.engine.Parallel;
import org.layerlab.engine.Squash;

/**
 * The Keras 3 GRU cell with reset_after=True (its default, and cuDNN's form): gates in Keras order
 * z (update), r (reset), h (candidate); bias (2, 3u), the input bias then the recurrent bias.
 * x̂ = x·W + b_in, ĥ = h·U + b_rec; z = σ(x̂_z + ĥ_z), r = σ(x̂_r + ĥ_r),
 * hh = act(x̂_h + r ⊙ ĥ_h), h' = z ⊙ h + (1 − z) ⊙ hh. PyTorch's nn.GRU uses the same reset-after
 * form but orders its gates r, z, n and mixes h' = (1 − z) ⊙ n + z ⊙ h, the same as here.
 */
public final class Gru extends Recurrence {
    private final ActivationFunction activation;
    private final ActivationFunction recurrentActivation;
    private final double alpha;
    private final double recurrentAlpha;
    /** ĥ = h·U + b_rec, pre-activations and activated gates, each (N, T, 3u) in step order. */
    private float[] rec = new float[0];
    private float[] pre = new float[0];
    private float[] act = new float[0];
    /** dL/dĥ of one step, (N, 3u). */
    private float[] drec = new float[0];
    /** Work of one gate value for {@link Parallel#range}: an exp and a few multiply-adds. */
    private static final int GATE_COST = 16;

    public Gru(int units, ActivationFunction activation, double alpha, ActivationFunction recurrentActivation,
               double recurrentAlpha, boolean returnSequences, boolean goBackwards) {
        super(units, 3, returnSequences, goBackwards);
        this.activation = activation;
        this.recurrentActivation = recurrentActivation;
        this.alpha = alpha;
        this.recurrentAlpha = recurrentAlpha;
    }

    @Override
    protected int inputBiasLength() {
        return 3 * units;
    }

    @Override
    protected void ensureCellBuffers(int batch, int time) {
        int g = 3 * units * batch * time;
        if (rec.length < g) {
            rec = new float[g];
            pre = new float[g];
            act = new float[g];
        }
        if (drec.length < batch * 3 * units) {
            drec = new float[batch * 3 * units];
        }
    }

    @Override
    protected void forwardStep(int s, float[] u, float[] bias) {
        int g = 3 * units;
        int t = time(s);
        for (int b = 0; b < n; b++) {
            int r = (b * steps + s) * g;
            if (bias == null) {
                Arrays.fill(rec, r, r + g, 0f);
            } else {
                System.arraycopy(bias, g, rec, r, g);
            }
        }
        stateTimesU(s, u, rec, s * g, steps * g);
        Parallel.Args args = Parallel.args();
        args.object = this;
        args.width = s;
        Parallel.range(n, (long) n * g * GATE_COST, args, (p, from, to) -> ((Gru) p.object).gatesForward(p.width, from, to));
    }

    private void gatesForward(int s, int from, int to) {
        int g = 3 * units;
        int t = time(s);
        boolean fast = recurrentActivation == ActivationFunction.SIGMOID && activation == ActivationFunction.TANH;
        for (int b = from; b < to; b++) {
            int z = (b * steps + s) * g;
            int x = (b * steps + t) * g;
            int prev = state(b, s);
            int next = state(b, s + 1);
            if (fast) {
                for (int j = 0; j < 2 * units; j++) {
                    pre[z + j] = xw[x + j] + rec[z + j];
                }
                Squash.sigmoid(pre, z, act, z, 2 * units);
                for (int j = 0; j < units; j++) {
                    pre[z + 2 * units + j] = xw[x + 2 * units + j] + act[z + units + j] * rec[z + 2 * units + j];
                }
                Squash.tanh(pre, z + 2 * units, act, z + 2 * units, units);
                for (int j = 0; j < units; j++) {
                    float update = act[z + j];
                    h[next + j] = update * h[prev + j] + (1f - update) * act[z + 2 * units + j];
                }
                continue;
            }
            for (int j = 0; j < units; j++) {
                float pz = xw[x + j] + rec[z + j];
                float pr = xw[x + units + j] + rec[z + units + j];
                float update = apply(recurrentActivation, recurrentAlpha, pz);
                float reset = apply(recurrentActivation, recurrentAlpha, pr);
                float ph = xw[x + 2 * units + j] + reset * rec[z + 2 * units + j];
                float cand = apply(activation, alpha, ph);
                pre[z + j] = pz;
                pre[z + units + j] = pr;
                pre[z + 2 * units + j] = ph;
                act[z + j] = update;
                act[z + units + j] = reset;
                act[z + 2 * units + j] = cand;
                h[next + j] = update * h[prev + j] + (1f - update) * cand;
            }
        }
    }

    @Override
    protected void backwardStep(int s, float[] u, float[] du, float[] db) {
        int g = 3 * units;
        int t = time(s);
        Parallel.Args args = Parallel.args();
        args.object = this;
        args.width = s;
        Parallel.range(n, (long) n * g * GATE_COST, args, (p, from, to) -> ((Gru) p.object).gatesBackward(p.width, from, to));
        if (db != null) {
            for (int b = 0; b < n; b++) {
                for (int j = 0; j < g; j++) {
                    db[g + j] += drec[b * g + j];
                }
            }
        }
        backThroughU(s, u, du, drec, 0, g);
    }

    private void gatesBackward(int s, int from, int to) {
        int g = 3 * units;
        int t = time(s);
        for (int b = from; b < to; b++) {
            int z = (b * steps + s) * g;
            int d = (b * steps + t) * g;
            int prev = state(b, s);
            if (masked(b, s)) {
                skip(b, dxw, d);
                Arrays.fill(drec, b * g, (b + 1) * g, 0f);
                continue;
            }
            for (int j = 0; j < units; j++) {
                float update = act[z + j];
                float reset = act[z + units + j];
                float cand = act[z + 2 * units + j];
                float dhj = dh[b * units + j];
                float dph = dhj * (1f - update) * slope(activation, alpha, pre[z + 2 * units + j], cand);
                float dpz = dhj * (h[prev + j] - cand) * slope(recurrentActivation, recurrentAlpha, pre[z + j], update);
                float dpr = dph * rec[z + 2 * units + j] * slope(recurrentActivation, recurrentAlpha, pre[z + units + j], reset);
                dxw[d + j] = dpz;
                dxw[d + units + j] = dpr;
                dxw[d + 2 * units + j] = dph;
                int o = b * g;
                drec[o + j] = dpz;
                drec[o + units + j] = dpr;
                drec[o + 2 * units + j] = dph * reset;
                carry[b * units + j] = dhj * update;
            }
        }
    }
}
