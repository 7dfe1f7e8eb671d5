package org.layerlab.engine.ops;

import java.util.Arrays;

import org.layerlab.engine.Parallel;
import org.layerlab.engine.Squash;

/**
 * The Keras SimpleRNN cell: h' = act(x·W + h·U + b), activation tanh by default. PyTorch's nn.RNN
 * computes the same with transposed kernels and two biases (b_ih + b_hh).
 */
public final class SimpleRnn extends Recurrence {
    private final ActivationFunction activation;
    private final double alpha;
    /** Pre-activations (N, T, u) in step order. */
    private float[] pre = new float[0];

    public SimpleRnn(int units, ActivationFunction activation, double alpha, boolean returnSequences,
                     boolean goBackwards) {
        super(units, 1, returnSequences, goBackwards);
        this.activation = activation;
        this.alpha = alpha;
    }

    @Override
    protected void ensureCellBuffers(int batch, int time) {
        if (pre.length < batch * time * units) {
            pre = new float[batch * time * units];
        }
    }

    @Override
    protected void forwardStep(int s, float[] u, float[] bias) {
        int t = time(s);
        for (int b = 0; b < n; b++) {
            System.arraycopy(xw, (b * steps + t) * units, pre, (b * steps + s) * units, units);
        }
        stateTimesU(s, u, pre, s * units, steps * units);
        Parallel.Args args = Parallel.args();
        args.object = this;
        args.width = s;
        Parallel.range(n, (long) n * units * 16, args, (p, from, to) -> ((SimpleRnn) p.object).activate(p.width, from, to));
    }

    private void activate(int s, int from, int to) {
        for (int b = from; b < to; b++) {
            int z = (b * steps + s) * units;
            int next = state(b, s + 1);
            if (activation == ActivationFunction.TANH) {
                Squash.tanh(pre, z, h, next, units);
                continue;
            }
            for (int j = 0; j < units; j++) {
                h[next + j] = apply(activation, alpha, pre[z + j]);
            }
        }
    }

    @Override
    protected void backwardStep(int s, float[] u, float[] du, float[] db) {
        int t = time(s);
        for (int b = 0; b < n; b++) {
            int z = (b * steps + s) * units;
            int d = (b * steps + t) * units;
            int next = state(b, s + 1);
            if (masked(b, s)) {
                skip(b, dxw, d);
                continue;
            }
            Arrays.fill(carry, b * units, (b + 1) * units, 0f);
            for (int j = 0; j < units; j++) {
                dxw[d + j] = dh[b * units + j] * slope(activation, alpha, pre[z + j], h[next + j]);
            }
        }
        backThroughU(s, u, du, dxw, t * units, steps * units);
    }
}
