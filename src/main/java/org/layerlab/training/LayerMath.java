package org.layerlab.training;

import java.util.List;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.NetworkNode;
import org.layerlab.nn.optimizers.Optimizer;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.nn.optimizers.OptimizerState;

/**
 * The numbers behind the math view: one sample through a copy of the project's network, forward
 * and backward with its true target, and, for a Dense or Conv2D layer, the terms of its formulas
 * read from the engine's own tensors (the layer's input, weights, output, the gradient arriving
 * from above, the weight and input gradients), plus the optimizer's next update of one weight
 * computed by the optimizer itself from the state the run left. Nothing here re-derives what the
 * engine computed: a person checking a number by hand checks the engine.
 */
public final class LayerMath {
    private final Network net;
    private final Loss loss;
    private final Tensor x;
    private double lastLoss = Double.NaN;
    /** The sample's raw target row (a class index, or the regressed values). */
    private float[] target = new float[0];

    public LayerMath(NetworkGraph graph, ParameterStore weights, Loss loss) {
        this.net = Network.compile(GraphAnalysis.of(graph).plan(), weights.copy()).withInputGradient();
        this.loss = loss;
        this.x = Tensor.ofBatch(1, net.inputShape());
    }

    /** Sample index of data forward and backward (its true target); returns the loss. */
    public double run(Dataset data, int index) {
        TargetEncoder encoder = new TargetEncoder(data, net, loss);
        Tensor raw = encoder.allocateRaw(data, 1);
        Tensor y = encoder.needsEncoding() ? encoder.allocate(1) : raw;
        data.gather(new int[] {index}, 0, 1, x, raw);
        target = raw.data().clone();
        if (encoder.needsEncoding()) {
            encoder.encode(raw, y);
        }
        net.forward(x, false);
        net.zeroGradients();
        lastLoss = new LossComputation(net, loss).compute(y, true);
        return lastLoss;
    }

    public double loss() {
        return lastLoss;
    }

    /** The weight penalties in the last loss (Σ over regularized parameters of l1·Σ|w| + l2·Σw²). */
    public double penalty() {
        double p = 0;
        for (Parameter q : net.parameters()) {
            if (!q.regularizer().isNone()) {
                p += q.regularizer().penalty(q.value().data(), q.size());
            }
        }
        return p;
    }

    /** The loss, its kind, the sample's target and the network's output, for the loss's formula. */
    public record LossTerms(Loss.Kind kind, double total, double penalty, float[] target, float[] output) {
        /** The loss of the data alone, without the penalties. */
        public double data() {
            return total - penalty;
        }
    }

    public LossTerms lossTerms() {
        return new LossTerms(loss.kind(), lastLoss, penalty(), target.clone(), sample(net.output()));
    }

    /** Whether the node is the network's output layer (its loss is this view's too). */
    public boolean isOutput(String id) {
        List<NetworkNode> plan = net.plan();
        return plan.get(plan.size() - 1).id().equals(id);
    }

    /** The layers this view explains, in network order. */
    public List<NetworkNode> layers() {
        return net.plan().stream().filter(n -> n.spec() instanceof Dense || n.spec() instanceof Conv2D).toList();
    }

    private NetworkNode node(String id) {
        return net.plan().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + id));
    }

    private Parameter param(String node, String name) {
        return net.parameters().stream().filter(p -> p.nodeId().equals(node) && p.name().equals(name)).findFirst()
                .orElse(null);
    }

    private static float[] sample(Tensor t) {
        float[] v = new float[t.sampleSize()];
        System.arraycopy(t.data(), 0, v, 0, v.length);
        return v;
    }

    /**
     * A Dense layer on a flat input: x (in), W (in × units, Keras' layout), b, the output y = f(z)
     * as the engine computed it, the kernel's regularizer (its gradient is part of dw), the
     * gradient of the loss with respect to its pre-activation δ
     * (what the bias's gradient is) and to its input (∂L/∂x = W·δ), the weights' gradient (δ·xᵀ,
     * the engine's) and the activation. z = xW + b is summed here for the unit shown.
     */
    public record DenseTerms(String layer, String activation, float[] x, float[] w, int in, int units, float[] b,
                             float[] y, float[] delta, float[] dx, float[] dw, Regularizer regularizer) {
        /** W[i][j] in Keras' (in, units) layout. */
        public float w(int i, int j) {
            return w[i * units + j];
        }

        /** zⱼ = Σᵢ xᵢ·Wᵢⱼ + bⱼ, in double, as a person would sum it. */
        public double z(int j) {
            double z = b == null ? 0 : b[j];
            for (int i = 0; i < in; i++) {
                z += (double) x[i] * w(i, j);
            }
            return z;
        }

        /** The unit whose δ is largest in size: the one this sample moves most. */
        public int busiestUnit() {
            int best = 0;
            for (int j = 1; j < units; j++) {
                if (Math.abs(delta[j]) > Math.abs(delta[best])) {
                    best = j;
                }
            }
            return best;
        }
    }

    public DenseTerms dense(String id) {
        NetworkNode n = node(id);
        if (!(n.spec() instanceof Dense d)) {
            throw new IllegalArgumentException(id + " is not a Dense layer");
        }
        Tensor input = net.outputOf(n.inputs().get(0));
        Tensor out = net.outputOf(id);
        if (input.rank() != 2) {
            throw new IllegalArgumentException("the math view shows Dense on a flat input; " + id + " gets a sequence");
        }
        Parameter kernel = param(id, "kernel");
        Parameter bias = param(id, "bias");
        int in = input.dim(1);
        int units = d.units();
        float[] dw = kernel.grad().data().clone();
        float[] delta = new float[units];
        float[] xs = sample(input);
        if (bias != null) {
            System.arraycopy(bias.grad().data(), 0, delta, 0, units);
        } else {
            // ∂L/∂Wᵢⱼ = xᵢ·δⱼ: δ from the row of the largest input.
            int k = 0;
            for (int i = 1; i < in; i++) {
                k = Math.abs(xs[i]) > Math.abs(xs[k]) ? i : k;
            }
            for (int j = 0; j < units && xs[k] != 0; j++) {
                float w = kernel.value().data()[k * units + j];
                delta[j] = (float) ((dw[k * units + j] - kernel.regularizer().gradient(w)) / xs[k]);
            }
        }
        Tensor dInput = net.gradientOf(n.inputs().get(0));
        return new DenseTerms(n.name(), d.activation().name(), xs, kernel.value().data().clone(), in, units,
                bias == null ? null : bias.value().data().clone(), sample(out), delta,
                dInput == null ? null : sample(dInput), dw, kernel.regularizer());
    }

    /**
     * A Conv2D layer at one output position: the input patch under the kernel (kh × kw × channels,
     * zero where "same" padding reaches outside), the kernel of one filter, its bias, the output
     * there, the δ there (∂L/∂z of that filter at that position), and the kernel's gradient as the
     * engine summed it over every position.
     */
    public record ConvTerms(String layer, String activation, int row, int col, int filter, int kh, int kw, int channels,
                            int strideH, int strideW, int padTop, int padLeft, float[] patch, float[] kernel, float bias,
                            float y, float delta, float[] dKernel) {
        /** z = Σ patch·kernel + b, in double. */
        public double z() {
            double z = bias;
            for (int i = 0; i < patch.length; i++) {
                z += (double) patch[i] * kernel[i];
            }
            return z;
        }
    }

    /** The terms at the output position where filter's δ is largest in size (filter −1: the busiest filter). */
    public ConvTerms conv(String id, int filter) {
        NetworkNode n = node(id);
        if (!(n.spec() instanceof Conv2D c)) {
            throw new IllegalArgumentException(id + " is not a Conv2D layer");
        }
        if (c.dilationRate().h() > 1 || c.dilationRate().w() > 1) {
            throw new IllegalArgumentException("the math view shows Conv2D without dilation");
        }
        Tensor input = net.outputOf(n.inputs().get(0));
        Tensor out = net.outputOf(id);
        Tensor g = net.gradientOf(id);
        int h = input.dim(1);
        int w = input.dim(2);
        int ch = input.dim(3);
        int oh = out.dim(1);
        int ow = out.dim(2);
        int f = c.filters();
        int kh = c.kernelSize().h();
        int kw = c.kernelSize().w();
        int sh = c.strides().h();
        int sw = c.strides().w();
        // Keras' "same": the padding that does not fit evenly goes to the bottom and right.
        int padTop = c.padding() == Padding.SAME ? Math.max(0, ((oh - 1) * sh + kh - h) / 2) : 0;
        int padLeft = c.padding() == Padding.SAME ? Math.max(0, ((ow - 1) * sw + kw - w) / 2) : 0;
        Parameter kernel = param(id, "kernel");
        Parameter bias = param(id, "bias");
        float[] k = kernel.value().data();
        float[] dk = kernel.grad().data();
        float[] gy = g.data();
        // δ at a position is ∂L/∂y there (the engine's output gradient) times f'(z); summed over positions it is the bias gradient.
        int fSel = filter;
        int best = 0;
        if (fSel < 0) {
            double most = -1;
            for (int q = 0; q < f; q++) {
                double s = bias == null ? 0 : Math.abs(bias.grad().data()[q]);
                if (s > most) {
                    most = s;
                    fSel = q;
                }
            }
        }
        for (int p = 1; p < oh * ow; p++) {
            if (Math.abs(gy[p * f + fSel]) > Math.abs(gy[best * f + fSel])) {
                best = p;
            }
        }
        int row = best / ow;
        int col = best % ow;
        float[] patch = new float[kh * kw * ch];
        float[] ker = new float[kh * kw * ch];
        float[] dker = new float[kh * kw * ch];
        float[] xv = input.data();
        for (int u = 0; u < kh; u++) {
            for (int v = 0; v < kw; v++) {
                int r = row * sh + u - padTop;
                int q = col * sw + v - padLeft;
                for (int cc = 0; cc < ch; cc++) {
                    int at = (u * kw + v) * ch + cc;
                    patch[at] = r < 0 || r >= h || q < 0 || q >= w ? 0 : xv[(r * w + q) * ch + cc];
                    ker[at] = k[at * f + fSel];
                    dker[at] = dk[at * f + fSel];
                }
            }
        }
        float y = out.data()[best * f + fSel];
        float dy = gy[best * f + fSel];
        float delta = (float) (dy * c.activation().function().derivative(zOf(patch, ker, bias == null ? 0
                : bias.value().data()[fSel]), y, c.activation().alpha()));
        return new ConvTerms(n.name(), c.activation().name(), row, col, fSel, kh, kw, ch, sh, sw, padTop, padLeft, patch, ker,
                bias == null ? 0 : bias.value().data()[fSel], y, delta, dker);
    }

    private static double zOf(float[] patch, float[] ker, float b) {
        double z = b;
        for (int i = 0; i < patch.length; i++) {
            z += (double) patch[i] * ker[i];
        }
        return z;
    }

    /**
     * The optimizer's next update of one weight with the gradient of this sample: the weight
     * before and after and the state after, as the optimizer kept it (slots such as Adam's m and
     * v), from the state the last run ended with (null: a fresh optimizer).
     */
    public record Update(String kind, long step, double rate, float weight, float gradient, float[] slotsBefore,
                         float[] slotsAfter, float after) {
        public float change() {
            return after - weight;
        }
    }

    public Update update(String id, String paramName, int index, OptimizerSpec spec, OptimizerState state) {
        Parameter p = param(id, paramName);
        if (p == null) {
            throw new IllegalArgumentException(id + " has no " + paramName);
        }
        Optimizer o = spec.create();
        // A parameter of its own, so the step changes nothing the view shows.
        Parameter copy = new Parameter(p.nodeId(), p.name(), p.value().copy(), null);
        System.arraycopy(p.grad().data(), 0, copy.grad().data(), 0, p.size());
        if (state != null) {
            o.continueFrom(state, List.of(copy));
        }
        float[] before = o.slotValues(copy, index);
        float w = copy.value().data()[index];
        o.step(List.of(copy));
        return new Update(o.kind(), o.iterations(), o.currentLearningRate(), w, copy.grad().data()[index], before,
                o.slotValues(copy, index), copy.value().data()[index]);
    }
}
