package org.layerlab.nn.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Attention;
import org.layerlab.engine.ops.SplitMix;
import org.layerlab.nn.AttentionLayer;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Masks;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.ShapeException;

/**
 * Keras' MultiHeadAttention with its inputs as ports: query, then value, then key (key defaults
 * to value, value to query: one input is self-attention). Weights are named and shaped as Keras
 * saves them (query/kernel (Dq, heads, key_dim), ..., attention_output/kernel (heads, value_dim,
 * out)) and start with Keras' fans for those shapes; see {@link Attention} for the math.
 * use_causal_mask is an option here (a call argument in Keras). Padding masks hide padding keys:
 * the value's and the key's mask (the one input's in self-attention), as Keras does; the query's
 * mask is not applied (it only hides padded query rows, which masked layers after ignore). dropout
 * drops attention weights while training (masks from the network's seed and the node id);
 * explicit attention masks are not offered yet.
 */
public record MultiHeadAttention(int numHeads, int keyDim, int valueDim, boolean useBias, int outputShape,
                                 boolean useCausalMask, Initializer kernelInitializer, Initializer biasInitializer,
                                 double dropout)
        implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("MultiHeadAttention", MultiHeadAttention.class,
                    LayerCategory.SEQUENCE)
            .describe("Each position looks at every position of the value sequence and takes a weighted mix of"
                    + " them, in several heads at once: the core of the Transformer. One input: self-attention;"
                    + " ports: query, value, key.", "softmax(Q·Kᵀ/√d)·V per head, then ·Wo")
            .param(LayerParam.required("num_heads", ParamType.INT, "How many attention heads look in parallel.")
                    .range(1, 1024))
            .param(LayerParam.required("key_dim", ParamType.INT, "The size of each head's query and key vectors.")
                    .range(1, 100_000))
            .param(LayerParam.optional("value_dim", ParamType.INT, 0,
                    "The size of each head's value vectors; 0 means key_dim.").range(0, 100_000))
            .param(LayerParam.optional("use_bias", ParamType.BOOL, true, "Whether the projections add learned offsets."))
            .param(LayerParam.optional("output_shape", ParamType.INT, 0,
                    "The size of each output position; 0 means the query's last dimension (so a residual Add fits).")
                    .range(0, 100_000))
            .param(LayerParam.optional("use_causal_mask", ParamType.BOOL, false,
                    "Each position sees only itself and earlier ones: for models that predict the next token."))
            .param(LayerParam.optional("kernel_initializer", ParamType.INITIALIZER, Initializer.GLOROT_UNIFORM,
                    "How the projection weights start."))
            .param(LayerParam.optional("bias_initializer", ParamType.INITIALIZER, Initializer.ZEROS,
                    "How the offsets start."))
            .param(LayerParam.optional("dropout", ParamType.FLOAT, 0.0,
                    "The share of attention weights dropped at random while training (0 to 1), as Keras does.")
                    .range(0, 1))
            .inputs(1, 3)
            .example(() -> new MultiHeadAttention(2, 16))
            .build();

    public MultiHeadAttention {
        Checks.positive("MultiHeadAttention", "numHeads", numHeads);
        Checks.positive("MultiHeadAttention", "keyDim", keyDim);
        if (valueDim < 0 || outputShape < 0) {
            throw new IllegalArgumentException("MultiHeadAttention: value_dim and output_shape must be 0 (automatic) or"
                    + " positive. Received: value_dim=" + valueDim + ", output_shape=" + outputShape);
        }
        Checks.notNull("MultiHeadAttention", "kernelInitializer", kernelInitializer);
        Checks.notNull("MultiHeadAttention", "biasInitializer", biasInitializer);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("MultiHeadAttention: dropout must be at least 0 and below 1. Received: dropout="
                    + dropout);
        }
    }

    /** Without dropout (its default). */
    public MultiHeadAttention(int numHeads, int keyDim, int valueDim, boolean useBias, int outputShape,
                              boolean useCausalMask, Initializer kernelInitializer, Initializer biasInitializer) {
        this(numHeads, keyDim, valueDim, useBias, outputShape, useCausalMask, kernelInitializer, biasInitializer, 0);
    }

    public MultiHeadAttention(int numHeads, int keyDim) {
        this(numHeads, keyDim, 0, true, 0, false, Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
    }

    public MultiHeadAttention causal() {
        return new MultiHeadAttention(numHeads, keyDim, valueDim, useBias, outputShape, true, kernelInitializer,
                biasInitializer, dropout);
    }

    public MultiHeadAttention withDropout(double rate) {
        return new MultiHeadAttention(numHeads, keyDim, valueDim, useBias, outputShape, useCausalMask, kernelInitializer,
                biasInitializer, rate);
    }

    @Override
    public boolean passesMask() {
        return true;
    }

    @Override
    public String kind() {
        return "MultiHeadAttention";
    }

    private int values() {
        return valueDim == 0 ? keyDim : valueDim;
    }

    /** query, value, key shapes, each (positions, features). */
    private Shape[] ports(List<Shape> inputs) {
        String[] names = {"query", "value", "key"};
        Shape[] p = new Shape[3];
        for (int i = 0; i < 3; i++) {
            p[i] = i < inputs.size() ? inputs.get(i) : p[i == 2 ? 1 : 0];
            if (p[i].rank() != 2) {
                throw new ShapeException("MultiHeadAttention needs its " + names[i] + " as a sequence (positions, features)"
                        + " but receives " + p[i] + (p[i].rank() == 1 ? ": insert Embedding or Reshape before it"
                        : ": insert Reshape to (positions, features)"),
                        p[i].rank() == 1 ? ShapeException.Remedy.INSERT_RESHAPE_TO_STEPS : ShapeException.Remedy.NONE);
            }
        }
        if (p[1].dim(0) != p[2].dim(0)) {
            throw new ShapeException("MultiHeadAttention's value has " + p[1].dim(0) + " positions but its key has "
                    + p[2].dim(0) + ": each key belongs to one value, so they need the same length");
        }
        return p;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape[] p = ports(inputs);
        return Shape.of(p[0].dim(0), outputShape == 0 ? p[0].dim(1) : outputShape);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        Shape[] p = ports(inputs);
        int dq = p[0].dim(1);
        int dv = p[1].dim(1);
        int dk = p[2].dim(1);
        int out = outputShape == 0 ? dq : outputShape;
        int vd = values();
        List<ParameterSpec> specs = new ArrayList<>();
        projection(specs, "query", dq, keyDim);
        projection(specs, "key", dk, keyDim);
        projection(specs, "value", dv, vd);
        specs.add(ParameterSpec.trainable("attention_output/kernel", new int[] {numHeads, vd, out}, kernelInitializer,
                vd * numHeads, out * numHeads, null));
        if (useBias) {
            specs.add(ParameterSpec.trainable("attention_output/bias", new int[] {out}, biasInitializer, vd * numHeads,
                    out * numHeads, null));
        }
        return specs;
    }

    /** Keras' EinsumDense fans for a (D, heads, dim) kernel: heads·D in, dim·D out. */
    private void projection(List<ParameterSpec> specs, String name, int d, int dim) {
        specs.add(ParameterSpec.trainable(name + "/kernel", new int[] {d, numHeads, dim}, kernelInitializer, numHeads * d,
                dim * d, null));
        if (useBias) {
            specs.add(ParameterSpec.trainable(name + "/bias", new int[] {numHeads, dim}, biasInitializer, numHeads * d,
                    dim * d, null));
        }
    }

    @Override
    public long workspaceFloatsPerSample(List<Shape> inputs) {
        Shape[] p = ports(inputs);
        long t = p[0].dim(0);
        long s = p[1].dim(0);
        return numHeads * t * s + 2L * (t + 2 * s) * numHeads * Math.max(keyDim, values());
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        Attention op = new Attention(numHeads, keyDim, values(), useCausalMask);
        op.setDropout(dropout, SplitMix.mix(c.seed() ^ c.nodeId().hashCode()));
        return new Runtime(op, p);
    }

    @Override
    public String summary() {
        return "MultiHeadAttention " + numHeads + "×" + keyDim + (useCausalMask ? " causal" : "");
    }

    private static final class Runtime implements LayerRuntime, AttentionLayer, Masks.User {
        private final Attention op;
        private final Map<String, Parameter> p;
        /** Value and key masks combined (a key is attended to only when both are real), grown when the batch grows. */
        private byte[] both = new byte[0];

        Runtime(Attention op, Map<String, Parameter> p) {
            this.op = op;
            this.p = p;
        }

        @Override
        public Attention attention() {
            return op;
        }

        /** Self-attention: the one input's mask is the keys' mask too. */
        @Override
        public void useMask(byte[] mask) {
            op.setKeyMask(mask);
        }

        /**
         * Keras' masks: padding keys get no attention, from the value's mask and the key's (which
         * defaults to the value's). The query's mask would only hide padded query rows, which
         * whatever follows ignores; it is not applied.
         */
        @Override
        public void useMasks(byte[][] masks) {
            byte[] value = masks.length > 1 ? masks[1] : masks.length == 1 ? masks[0] : null;
            byte[] key = masks.length > 2 ? masks[2] : null;
            if (value == null || key == null) {
                op.setKeyMask(value != null ? value : key);
                return;
            }
            if (both.length < value.length) {
                both = new byte[value.length];
            }
            for (int i = 0; i < value.length; i++) {
                both[i] = (byte) (value[i] & key[i]);
            }
            op.setKeyMask(both);
        }

        private Tensor value(String name) {
            Parameter x = p.get(name);
            return x == null ? null : x.value();
        }

        private Tensor grad(String name) {
            Parameter x = p.get(name);
            return x == null ? null : x.grad();
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            Tensor query = inputs[0];
            Tensor value = inputs.length > 1 ? inputs[1] : query;
            Tensor key = inputs.length > 2 ? inputs[2] : value;
            op.forward(query, value, key, value("query/kernel"), value("query/bias"), value("key/kernel"),
                    value("key/bias"), value("value/kernel"), value("value/bias"), value("attention_output/kernel"),
                    value("attention_output/bias"), output, training);
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            Tensor query = inputs[0];
            Tensor value = inputs.length > 1 ? inputs[1] : query;
            Tensor key = inputs.length > 2 ? inputs[2] : value;
            Tensor dQuery = gradInputs[0];
            Tensor dValue = gradInputs.length > 1 ? gradInputs[1] : dQuery;
            Tensor dKey = gradInputs.length > 2 ? gradInputs[2] : dValue;
            op.backward(query, value, key, value("query/kernel"), value("key/kernel"), value("value/kernel"),
                    value("attention_output/kernel"), gradOutput, dQuery, dValue, dKey, grad("query/kernel"),
                    grad("query/bias"), grad("key/kernel"), grad("key/bias"), grad("value/kernel"), grad("value/bias"),
                    grad("attention_output/kernel"), grad("attention_output/bias"));
        }

        @Override
        public List<Parameter> parameters() {
            return List.copyOf(p.values());
        }
    }
}
