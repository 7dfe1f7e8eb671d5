package org.layerlab.nn.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.Activation;
import org.layerlab.nn.AttentionLayer;
import org.layerlab.nn.Masks;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.RecurrentLayer;
import org.layerlab.nn.ShapeException;

/**
 * A compiled network: the nodes of a plan in topological order, each run layer by layer with its
 * output and gradient kept in buffers that are allocated once for the largest batch and reused
 * (see docs/decisions/0001-execution-model.md). A layer's built-in activation runs as a step of
 * its own, so the final softmax or sigmoid can be fused with the loss. Not thread-safe: one
 * training or prediction at a time.
 */
public final class Network {
    private final List<Step> steps;
    private final List<Integer> inputSteps;
    private final ParameterStore store;
    private final List<Parameter> parameters;
    /** The parameters whose gradients {@link #zeroGradients} zeroes: the others' steps write them. */
    private final List<Parameter> zeroedGradients;
    private final List<NetworkNode> plan;
    private int capacity;
    /** Per step, nanoseconds in forward and in backward, while profiling (else null): see {@link #profile}. */
    private long[] stepTimes;

    private Network(List<NetworkNode> plan, List<Step> steps, List<Integer> inputSteps, ParameterStore store) {
        this.plan = List.copyOf(plan);
        this.steps = steps;
        this.inputSteps = inputSteps;
        this.store = store;
        List<Parameter> ps = new ArrayList<>();
        for (Step s : steps) {
            ps.addAll(s.runtime.parameters());
        }
        this.parameters = Collections.unmodifiableList(ps);
        this.zeroedGradients = GradientWriters.parameters(steps);
    }

    /**
     * Compiles nodes given in topological order (every node after its inputs; the last node is the
     * output). Weights come from the store when it has them for a node id, else are initialized.
     */
    public static Network compile(List<NetworkNode> nodes, ParameterStore store) {
        StepPlanner.Plan p = StepPlanner.plan(nodes, store);
        return new Network(nodes, p.steps(), p.inputs(), store);
    }

    public ParameterStore parameterStore() {
        return store;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public List<NetworkNode> plan() {
        return plan;
    }

    public Shape inputShape() {
        return steps.get(inputSteps.get(0)).shape;
    }

    public Shape outputShape() {
        return last().shape;
    }

    public long paramCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** The activation the output ends in (linear if none). */
    public Activation outputActivation() {
        Step last = last();
        return last.activation == null ? Activation.LINEAR : last.activation;
    }

    private Step last() {
        return steps.get(steps.size() - 1);
    }

    /** Grows the buffers when a batch larger than any before arrives; a no-op in steady state. */
    private void ensureCapacity(int batch) {
        if (batch <= capacity) {
            return;
        }
        for (Step s : steps) {
            if (!s.isInput) {
                s.out = Tensor.ofBatch(batch, s.shape);
                s.grad = s.needsGrad || s == last() ? Tensor.ofBatch(batch, s.shape) : null;
            } else if (s.needsGrad) {
                s.grad = Tensor.ofBatch(batch, s.shape);
            }
            s.runtime.allocate(batch);
            if (s.runtime instanceof Masks.Producer && s.shape.rank() == 2) {
                s.maskBuffer = new byte[batch * s.shape.dim(0)];
            }
        }
        capacity = batch;
    }

    /** Runs the network on a batch (N, input shape) and returns the output buffer (valid until the next call). */
    public Tensor forward(Tensor x, boolean training) {
        int n = x.batch();
        ensureCapacity(n);
        // Indexed loops here and below: these run every step, and an iterator is an allocation.
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.isInput) {
                if (x.sampleSize() != s.shape.size()) {
                    throw new ShapeException("the data has " + x.sampleSize() + " values per sample but the Input layer "
                            + s.node.name() + " expects " + s.shape + " (" + s.shape.size() + " values)");
                }
                s.out = x;
                if (s.grad != null) {
                    s.grad.setBatch(n);
                }
                continue;
            }
            s.out.setBatch(n);
            if (s.grad != null) {
                s.grad.setBatch(n);
            }
            byte[] incoming = s.inputs.length == 0 ? null : steps.get(s.inputs[0]).mask;
            if (s.runtime instanceof Masks.User u) {
                for (int k = 0; k < s.inputs.length; k++) {
                    s.inMasks[k] = steps.get(s.inputs[k]).mask;
                }
                u.useMasks(s.inMasks);
            }
            long t0 = stepTimes != null ? System.nanoTime() : 0;
            s.runtime.forward(s.inputTensors(steps), s.out, training);
            if (stepTimes != null) {
                stepTimes[2 * i] += System.nanoTime() - t0;
            }
            s.mask = s.maskBuffer != null ? s.maskBuffer : s.passesMask ? incoming : null;
            if (s.maskBuffer != null) {
                ((Masks.Producer) s.runtime).mask(steps.get(s.inputs[0]).out, s.maskBuffer);
            }
        }
        return last().out;
    }

    /** The output of the last forward pass (valid until the next call). */
    public Tensor output() {
        return last().out;
    }

    /** The output before its final activation, or null if the output layer has none. */
    public Tensor logits() {
        Step last = last();
        return last.activation != null && !last.activation.isLinear() ? steps.get(last.inputs[0]).out : null;
    }

    /**
     * Zeroes the activation and parameter gradients before a backward pass, but for those that
     * the one step reading them, or owning them, writes whole (see {@link GradientWriters}): so
     * two backward passes without this in between do not sum their parameter gradients.
     */
    public void zeroGradients() {
        for (int i = 0; i < steps.size(); i++) {
            Tensor grad = steps.get(i).grad;
            if (grad != null && !steps.get(i).writtenByReader) {
                grad.zero();
            }
        }
        for (int i = 0; i < zeroedGradients.size(); i++) {
            zeroedGradients.get(i).grad().zero();
        }
    }

    /** The compiled steps, for tests of this package. */
    List<Step> steps() {
        return steps;
    }

    /** The gradient buffer to seed: of the output, or of the logits when fromLogits. */
    public Tensor seedGradient(boolean fromLogits) {
        Step last = last();
        return fromLogits ? steps.get(last.inputs[0]).grad : last.grad;
    }

    /**
     * Backpropagates from the seeded gradient (see {@link #seedGradient}) into the parameter
     * gradients, which {@link #zeroGradients} must have prepared: some are added to, some written.
     */
    public void backward(boolean fromLogits) {
        int start = fromLogits ? last().inputs[0] : steps.size() - 1;
        for (int i = start; i >= 0; i--) {
            Step s = steps.get(i);
            if (s.isInput || !s.needsGrad || s.backwardByReader) {
                continue;
            }
            long t0 = stepTimes != null ? System.nanoTime() : 0;
            if (s.reluBefore >= 0) {
                ReluThroughPooling.backward(s, steps);
            } else {
                s.runtime.backward(s.inputTensors(steps), s.out, s.grad, s.inputGrads(steps));
            }
            if (stepTimes != null) {
                stepTimes[2 * i + 1] += System.nanoTime() - t0;
            }
        }
    }

    /**
     * From now on backward also computes the gradient with respect to the (first) input, for
     * saliency maps, and keeps every node's output gradient ({@link #gradientOf}; a ReLU before a
     * pooling then runs its own backward, see {@link ReluThroughPooling}): a network for views,
     * not for training, which has no use for them.
     */
    public Network withInputGradient() {
        ReluThroughPooling.clear(steps);
        for (int i : inputSteps) {
            steps.get(i).needsGrad = true;
        }
        for (Step s : steps) {
            for (int i : s.inputs) {
                s.needsGrad |= steps.get(i).needsGrad;
            }
        }
        capacity = 0; // reallocate, with the gradient buffers now needed
        return this;
    }

    /** Starts (or stops, and forgets) adding up the time each step spends in forward and backward. */
    public void profile(boolean on) {
        stepTimes = on ? new long[2 * steps.size()] : null;
    }

    /**
     * Nanoseconds per step since profiling started, in execution order: each row the layer's name
     * (its activation, where it is a step of its own, as "name activation"), forward, backward.
     */
    public List<StepTime> profileTimes() {
        List<StepTime> out = new ArrayList<>();
        for (int i = 0; stepTimes != null && i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.isInput) {
                continue;
            }
            boolean activationStep = i > 0 && steps.get(i - 1).node == s.node;
            out.add(new StepTime(s.node.name() + (activationStep ? " " + s.activation : ""), s.node.spec().kind(),
                    stepTimes[2 * i], stepTimes[2 * i + 1]));
        }
        return out;
    }

    /**
     * What a node computed in the last forward pass, after its activation (valid until the next
     * pass; the batch dimension first), or null for a node this network does not have.
     */
    public Tensor outputOf(String nodeId) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).node.id().equals(nodeId)) {
                return steps.get(i).out;
            }
        }
        return null;
    }

    /**
     * The gradient of the loss with respect to a node's output after the last backward (valid
     * until the next pass), or null when this network does not keep one for it (see
     * {@link #withInputGradient}, which makes it keep every node's).
     */
    public Tensor gradientOf(String nodeId) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).node.id().equals(nodeId)) {
                return steps.get(i).backwardByReader ? null : steps.get(i).grad;
            }
        }
        return null;
    }

    /** The gradient with respect to the input after the last backward (see {@link #withInputGradient}), or null. */
    public Tensor inputGradient() {
        return steps.get(inputSteps.get(0)).grad;
    }

    /**
     * The name of the first layer (in execution order) whose output, or else whose gradient, holds
     * NaN or infinity after the last forward/backward; null if all are finite.
     */
    public String firstNonFinite() {
        for (Step s : steps) {
            if (!s.isInput && !s.out.allFinite()) {
                return s.node.name() + " (" + s.node.spec().kind() + ") output";
            }
        }
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (s.grad != null && !s.grad.allFinite()) {
                return s.node.name() + " (" + s.node.spec().kind() + ") gradient";
            }
        }
        for (Parameter p : parameters) {
            if (!p.grad().allFinite()) {
                return p.nodeId() + " (" + p.name() + " gradient)";
            }
        }
        return null;
    }

    /**
     * For each layer whose activation is ReLU: the share of its units that were zero for every
     * sample of the last forward pass (dead units), keyed by node id.
     */
    public Map<String, Double> deadReluShares() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Step s : steps) {
            if (s.activation == null || s.activation.function() != ActivationFunction.RELU
                    || s.out == null) {
                continue;
            }
            int units = s.out.sampleSize();
            int n = s.out.batch();
            float[] d = s.out.data();
            int dead = 0;
            for (int u = 0; u < units; u++) {
                boolean alive = false;
                for (int b = 0; b < n && !alive; b++) {
                    alive = d[b * units + u] > 0f;
                }
                dead += alive ? 0 : 1;
            }
            out.put(s.node.id(), units == 0 ? 0.0 : (double) dead / units);
        }
        return out;
    }

    /** The attention layers by node, in network order: what the attention view reads after a forward pass. */
    public Map<NetworkNode, AttentionLayer> attentionLayers() {
        return runtimesOf(AttentionLayer.class);
    }

    /** The recurrent layers by node, in network order: what the states view reads after a forward pass. */
    public Map<NetworkNode, RecurrentLayer> recurrentLayers() {
        return runtimesOf(RecurrentLayer.class);
    }

    /** The layer runtimes of a kind (an interface they implement) by node, in network order. */
    public <T> Map<NetworkNode, T> runtimesOf(Class<T> type) {
        Map<NetworkNode, T> out = new LinkedHashMap<>();
        for (Step s : steps) {
            if (type.isInstance(s.runtime)) {
                out.put(s.node, type.cast(s.runtime));
            }
        }
        return out;
    }

    /** Outputs for many samples, computed in chunks; returns a new tensor (N, output shape). */
    public Tensor predict(Tensor x) {
        int n = x.batch();
        int chunk = Math.max(1, Math.min(n, Math.max(capacity, 256)));
        Tensor out = Tensor.ofBatch(n, outputShape());
        Tensor part = Tensor.ofBatch(chunk, inputShape());
        int in = x.sampleSize();
        int o = out.sampleSize();
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            part.setBatch(m);
            System.arraycopy(x.data(), start * in, part.data(), 0, m * in);
            Tensor y = forward(part, false);
            System.arraycopy(y.data(), 0, out.data(), start * o, m * o);
        }
        return out;
    }
}
