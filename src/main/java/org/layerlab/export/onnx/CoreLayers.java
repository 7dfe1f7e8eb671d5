package org.layerlab.export.onnx;

import static org.layerlab.export.onnx.OnnxGraph.attr;
import static org.layerlab.export.onnx.OnnxGraph.in;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Edges;
import org.layerlab.nn.layers.BatchNormalization;
import org.layerlab.nn.layers.Concatenate;
import org.layerlab.nn.layers.Cropping1D;
import org.layerlab.nn.layers.Cropping2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.ELU;
import org.layerlab.nn.layers.LayerNormalization;
import org.layerlab.nn.layers.LeakyReLU;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.PReLU;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.layers.ZeroPadding2D;

/** Dense, the activation layers, shape changes, normalization and merges: layers that care about no layout. */
final class CoreLayers {
    private CoreLayers() {
    }

    /** x·kernel + bias on the last axis, for flat and sequence inputs alike (MatMul broadcasts; Gemm would not). */
    static final OnnxLayer<Dense> DENSE = (c, d) -> {
        OnnxGraph g = c.graph();
        String y = g.op("MatMul", c.name(), in(c.input(), c.weight("kernel")));
        return d.useBias() ? g.op("Add", c.name(), in(y, c.weight("bias"))) : y;
    };

    /** Nothing but its activation, which the exporter adds as for every layer. */
    static final OnnxLayer<?> IDENTITY = (c, s) -> c.input();

    static final OnnxLayer<LeakyReLU> LEAKY_RELU = (c, s) ->
            c.graph().op("LeakyRelu", c.name(), in(c.input()), attr("alpha", (float) s.negativeSlope()));

    static final OnnxLayer<ELU> ELU = (c, s) -> c.graph().op("Elu", c.name(), in(c.input()), attr("alpha", (float) s.alpha()));

    /** ONNX's PRelu broadcasts the slope from the right, so Keras' per-value alpha (the sample shape) fits as is. */
    static final OnnxLayer<PReLU> PRELU = (c, s) -> c.graph().op("PRelu", c.name(), in(c.input(), c.weight("alpha")));

    /** Flatten and Reshape keep the batch (any size) and order values as LayerLab does: channels last. */
    static final OnnxLayer<?> FLATTEN = (c, s) -> c.graph().op("Flatten", c.name(), in(c.input()), attr("axis", 1L));

    static final OnnxLayer<Reshape> RESHAPE = (c, s) -> reshape(c.graph(), c.name(), c.input(), s.targetShape());

    /**
     * Inference form with moving statistics, computed as LayerLab computes it, (x − mean)·(1/√(var + ε))·γ + β
     * on the last axis, so the numbers agree to the last bit rather than through ONNX's channel-first op.
     */
    static final OnnxLayer<BatchNormalization> BATCH_NORMALIZATION = (c, s) -> {
        OnnxGraph g = c.graph();
        Tensor var = c.tensor("moving_variance");
        float[] inv = new float[var.size()];
        for (int i = 0; i < inv.length; i++) {
            inv[i] = (float) (1 / Math.sqrt(var.data()[i] + s.epsilon()));
        }
        String y = g.op("Sub", c.name(), in(c.input(), c.weight("moving_mean")));
        y = g.op("Mul", c.name(), in(y, g.floats(c.name() + "/inv_std", new int[] {inv.length}, inv)));
        if (s.scale()) {
            y = g.op("Mul", c.name(), in(y, c.weight("gamma")));
        }
        return s.center() ? g.op("Add", c.name(), in(y, c.weight("beta"))) : y;
    };

    /** ONNX's own LayerNormalization (opset 17) over the last axis, as Keras normalizes. */
    static final OnnxLayer<LayerNormalization> LAYER_NORMALIZATION = (c, s) -> {
        c.graph().requireOpset(17);
        return c.graph().op("LayerNormalization", c.name(), in(c.input(), c.weight("gamma"), c.weight("beta")),
                attr("axis", -1L), attr("epsilon", (float) s.epsilon()));
    };

    static final OnnxLayer<MergeLayer> MERGE = (c, s) -> {
        OnnxGraph g = c.graph();
        String op = switch (s.operation()) {
            case ADD, AVERAGE -> "Add";
            case SUBTRACT -> "Sub";
            case MULTIPLY -> "Mul";
        };
        String y = c.inputs().get(0);
        for (int i = 1; i < c.inputs().size(); i++) {
            y = g.op(op, c.name(), in(y, c.inputs().get(i)));
        }
        return switch (s.operation()) {
            case AVERAGE -> g.op("Mul", c.name(), in(y, g.scalar(c.name() + "/share", 1f / c.inputs().size())));
            default -> y;
        };
    };

    static final OnnxLayer<Concatenate> CONCATENATE = (c, s) -> {
        Shape first = c.inputShape();
        int sampleAxis = s.axis() < 0 ? first.rank() + s.axis() : s.axis() - 1;
        return c.graph().op("Concat", c.name(), c.inputs().toArray(String[]::new), attr("axis", (long) sampleAxis + 1));
    };

    /** Zeros around the image's rows and columns: Pad on the NHWC value, nothing on batch and channels. */
    static final OnnxLayer<ZeroPadding2D> ZERO_PADDING_2D = (c, s) -> {
        Edges e = s.padding();
        return c.graph().op("Pad", c.name(), in(c.input(), c.graph().longs(c.name() + "/pads", 0, e.top(), e.left(), 0, 0,
                e.bottom(), e.right(), 0)), attr("mode", "constant"));
    };

    /** The window of rows and columns kept: Slice on height and width. */
    static final OnnxLayer<Cropping2D> CROPPING_2D = (c, s) -> {
        Edges e = s.cropping();
        Shape in = c.inputShape();
        OnnxGraph g = c.graph();
        return g.op("Slice", c.name(), in(c.input(), g.longs(c.name() + "/starts", e.top(), e.left()),
                g.longs(c.name() + "/ends", in.dim(0) - e.bottom(), in.dim(1) - e.right()), g.longs(c.name() + "/axes", 1, 2)));
    };

    /** The steps kept: Slice on the time axis. */
    static final OnnxLayer<Cropping1D> CROPPING_1D = (c, s) -> {
        OnnxGraph g = c.graph();
        return g.op("Slice", c.name(), in(c.input(), g.longs(c.name() + "/starts", s.cropping().start()),
                g.longs(c.name() + "/ends", c.inputShape().dim(0) - s.cropping().end()), g.longs(c.name() + "/axes", 1)));
    };

    /** Reshape to (batch, dims...), the batch left to ONNX. */
    static String reshape(OnnxGraph g, String hint, String x, Shape target) {
        long[] dims = new long[target.rank() + 1];
        dims[0] = -1;
        for (int i = 0; i < target.rank(); i++) {
            dims[i + 1] = target.dim(i);
        }
        return g.op("Reshape", hint, in(x, g.longs(hint + "/shape", dims)));
    }
}
