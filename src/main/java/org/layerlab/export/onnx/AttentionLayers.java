package org.layerlab.export.onnx;

import static org.layerlab.export.onnx.OnnxGraph.attr;
import static org.layerlab.export.onnx.OnnxGraph.in;
import static org.layerlab.export.onnx.OnnxGraph.ints;

import org.layerlab.engine.Tensor;
import org.layerlab.nn.layers.MultiHeadAttention;

/**
 * Keras' MultiHeadAttention as plain MatMul and Softmax nodes (ONNX has no attention operator
 * before opset 23). Keras' projection kernels are (features, heads, dim), which in row-major order
 * already are the (features, heads·dim) matrices a MatMul needs, so they are stored as such; the
 * query is scaled by 1/√key_dim before the scores, as in Keras and in LayerLab.
 */
final class AttentionLayers {
    /** What LayerLab adds to a score a position must not see: exp of it is exactly 0 in float. */
    private static final float HIDDEN = -1e9f;

    private AttentionLayers() {
    }

    /**
     * Inputs: query, then value (default: the query), then key (default: the value). The keys'
     * padding mask is the value's and the key's (in self-attention, the one input's), as in Keras.
     */
    static final OnnxLayer<MultiHeadAttention> MULTI_HEAD_ATTENTION = (c, s) -> {
        OnnxGraph g = c.graph();
        String query = c.inputs().get(0);
        String value = c.inputs().size() > 1 ? c.inputs().get(1) : query;
        String key = c.inputs().size() > 2 ? c.inputs().get(2) : value;
        int heads = s.numHeads();
        int keyDim = s.keyDim();
        int valueDim = c.tensor("value/kernel").dim(2);
        int t = c.inputShape().dim(0);
        int positions = c.step().inputShapes().get(c.inputs().size() > 1 ? 1 : 0).dim(0);
        String q = heads(c, "query", query, keyDim, new long[] {0, 2, 1, 3});
        q = g.op("Mul", c.name(), in(q, g.scalar(c.name() + "/scale", (float) (1.0 / Math.sqrt(keyDim)))));
        String k = heads(c, "key", key, keyDim, new long[] {0, 2, 3, 1});
        String v = heads(c, "value", value, valueDim, new long[] {0, 2, 1, 3});
        String scores = g.op("MatMul", c.name(), in(q, k));
        if (s.useCausalMask()) {
            float[] mask = new float[t * positions];
            for (int i = 0; i < t; i++) {
                for (int j = i + 1; j < positions; j++) {
                    mask[i * positions + j] = HIDDEN;
                }
            }
            scores = g.op("Add", c.name(), in(scores, g.floats(c.name() + "/causal_mask", new int[] {t, positions}, mask)));
        }
        String keyMask = c.keyMask();
        if (keyMask != null) {
            // Keras' key mask: padding keys' scores move by −10⁹, as in LayerLab.
            String hidden = g.op("Sub", c.name(), in(g.scalar(c.name() + "/one", 1f), keyMask));
            hidden = g.op("Mul", c.name(), in(hidden, g.scalar(c.name() + "/hidden", HIDDEN)));
            hidden = g.op("Unsqueeze", c.name(), in(hidden, g.longs(c.name() + "/key_axes", 1, 2)));
            scores = g.op("Add", c.name(), in(scores, hidden));
        }
        String p = g.op("Softmax", c.name() + "/attention_scores", in(scores), attr("axis", -1L));
        String o = g.op("MatMul", c.name(), in(p, v));
        o = g.op("Transpose", c.name(), in(o), ints("perm", 0, 2, 1, 3));
        o = g.op("Reshape", c.name(), in(o, g.longs(c.name() + "/concat_heads", -1, t, (long) heads * valueDim)));
        Tensor wo = c.tensor("attention_output/kernel");
        String y = g.op("MatMul", c.name(), in(o, g.floats(c.name() + "/attention_output/kernel",
                new int[] {heads * valueDim, wo.dim(2)}, wo.data())));
        return c.hasWeight("attention_output/bias") ? g.op("Add", c.name(), in(y, c.weight("attention_output/bias"))) : y;
    };

    /** x·W + b split into heads: (N, L, heads·dim) → (N, L, heads, dim) → the order perm asks for. */
    private static String heads(OnnxLayer.Context c, String which, String x, int dim, long[] perm) {
        OnnxGraph g = c.graph();
        Tensor w = c.tensor(which + "/kernel");
        int heads = w.dim(1);
        String y = g.op("MatMul", c.name(), in(x, g.floats(c.name() + "/" + which + "/kernel",
                new int[] {w.dim(0), heads * dim}, w.data())));
        if (c.hasWeight(which + "/bias")) {
            Tensor b = c.tensor(which + "/bias");
            y = g.op("Add", c.name(), in(y, g.floats(c.name() + "/" + which + "/bias", new int[] {b.size()}, b.data())));
        }
        y = g.op("Reshape", c.name(), in(y, g.longs(c.name() + "/" + which + "/split_heads", 0, -1, heads, dim)));
        return g.op("Transpose", c.name(), in(y), ints("perm", perm));
    }
}
