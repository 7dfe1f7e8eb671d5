package org.layerlab.export.onnx;

import static org.layerlab.export.onnx.OnnxGraph.attr;
import static org.layerlab.export.onnx.OnnxGraph.in;
import static org.layerlab.export.onnx.OnnxGraph.ints;

import org.layerlab.engine.ops.Window;
import org.layerlab.export.core.Layouts;
import org.layerlab.nn.layers.AveragePooling1D;
import org.layerlab.nn.layers.AveragePooling2D;
import org.layerlab.nn.layers.Conv1D;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Conv2DTranspose;
import org.layerlab.nn.layers.MaxPooling1D;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.layers.UpSampling2D;

/**
 * Convolution and pooling. LayerLab keeps images channels-last (NHWC) and sequences as (N, T, C),
 * as Keras does; ONNX's Conv and pools want channels first. Each such layer is wrapped in a pair of
 * Transposes, so every value between layers stays in LayerLab's layout (Flatten keeps Keras' order)
 * and ONNX Runtime's optimizer removes the pairs that cancel. Padding is written out explicitly
 * from the layer's own window, with Keras' "same" rule (the extra row or column at the bottom/right)
 * and "causal" (all of it before the start).
 */
final class ConvolutionLayers {
    private static final long[] TO_NCHW = {0, 3, 1, 2};
    private static final long[] TO_NHWC = {0, 2, 3, 1};
    private static final long[] SWAP_LAST = {0, 2, 1};

    private ConvolutionLayers() {
    }

    static final OnnxLayer<Conv2D> CONV_2D = (c, s) -> {
        OnnxGraph g = c.graph();
        Window w = s.window(c.inputShape());
        String kernel = g.floats(c.name() + "/kernel", Layouts.hwioToOihw(c.tensor("kernel")));
        String[] inputs = s.useBias() ? in(nchw(c), kernel, c.weight("bias")) : in(nchw(c), kernel);
        String y = g.op("Conv", c.name(), inputs, ints("kernel_shape", w.kh(), w.kw()),
                ints("strides", w.strideH(), w.strideW()), ints("dilations", w.dilationH(), w.dilationW()), pads(w, true));
        return g.op("Transpose", c.name(), in(y), ints("perm", TO_NHWC));
    };

    /** A sequence convolution is a 2-D one over a single row: ONNX's 1-D Conv on (N, C, T). */
    static final OnnxLayer<Conv1D> CONV_1D = (c, s) -> {
        OnnxGraph g = c.graph();
        Window w = s.window(c.inputShape());
        String kernel = g.floats(c.name() + "/kernel", Layouts.kioToOik(c.tensor("kernel")));
        String x = g.op("Transpose", c.name(), in(c.input()), ints("perm", SWAP_LAST));
        String[] inputs = s.useBias() ? in(x, kernel, c.weight("bias")) : in(x, kernel);
        String y = g.op("Conv", c.name(), inputs, ints("kernel_shape", w.kw()), ints("strides", w.strideW()),
                ints("dilations", w.dilationW()), pads(w, false));
        return g.op("Transpose", c.name(), in(y), ints("perm", SWAP_LAST));
    };

    static final OnnxLayer<MaxPooling2D> MAX_POOLING_2D = (c, s) -> pool2d(c, "MaxPool", s.window(c.inputShape()));

    /** Keras averages over the window's part inside the image: ONNX's count_include_pad = 0. */
    static final OnnxLayer<AveragePooling2D> AVERAGE_POOLING_2D = (c, s) ->
            pool2d(c, "AveragePool", s.window(c.inputShape()));

    static final OnnxLayer<MaxPooling1D> MAX_POOLING_1D = (c, s) -> pool1d(c, "MaxPool", s.window(c.inputShape()));

    static final OnnxLayer<AveragePooling1D> AVERAGE_POOLING_1D = (c, s) ->
            pool1d(c, "AveragePool", s.window(c.inputShape()));

    /** Mean or max over height and width of (N, H, W, C), or over time of (N, T, C): ReduceMean/ReduceMax on the middle axes. */
    static OnnxLayer<?> global(String reduce, long... axes) {
        return (c, s) -> c.graph().op(reduce, c.name(), in(c.input()), ints("axes", axes), attr("keepdims", 0L));
    }

    /**
     * The mean over time; with a padding mask, over the real steps only (none: zeros), as Keras'
     * GlobalAveragePooling1D does: Σ x·m / max(Σ m, 1).
     */
    static final OnnxLayer<?> GLOBAL_AVERAGE_POOLING_1D = (c, s) -> {
        OnnxGraph g = c.graph();
        if (c.mask() == null) {
            return g.op("ReduceMean", c.name(), in(c.input()), ints("axes", 1), attr("keepdims", 0L));
        }
        String real = g.op("ReduceSum", c.name(), in(c.mask(), g.longs(c.name() + "/time", 1)), attr("keepdims", 1L));
        String share = g.op("Div", c.name(), in(c.mask(), g.op("Max", c.name(), in(real, g.scalar(c.name() + "/one", 1f)))));
        share = g.op("Unsqueeze", c.name(), in(share, g.longs(c.name() + "/feature_axis", 2)));
        String weighted = g.op("Mul", c.name(), in(c.input(), share));
        return g.op("ReduceSum", c.name(), in(weighted, g.longs(c.name() + "/steps", 1)), attr("keepdims", 0L));
    };

    /**
     * ONNX's ConvTranspose with the padding of the convolution it is the adjoint of: what the
     * kernel's full spread has beyond Keras' output size is cut as pads (top/left first, the rest
     * at the bottom/right), and a shortfall (kernel smaller than the stride) added as output_padding.
     */
    static final OnnxLayer<Conv2DTranspose> CONV_2D_TRANSPOSE = (c, s) -> {
        OnnxGraph g = c.graph();
        Window w = s.window(c.inputShape());
        int extraH = (w.outH() - 1) * w.strideH() + w.kh() - w.inH();
        int extraW = (w.outW() - 1) * w.strideW() + w.kw() - w.inW();
        int top = extraH > 0 ? w.padTop() : 0;
        int left = extraW > 0 ? w.padLeft() : 0;
        String kernel = g.floats(c.name() + "/kernel", Layouts.transposedKernel(c.tensor("kernel")));
        String[] inputs = s.useBias() ? in(nchw(c), kernel, c.weight("bias")) : in(nchw(c), kernel);
        String y = g.op("ConvTranspose", c.name(), inputs, ints("kernel_shape", w.kh(), w.kw()),
                ints("strides", w.strideH(), w.strideW()),
                ints("pads", top, left, Math.max(extraH, 0) - top, Math.max(extraW, 0) - left),
                ints("output_padding", Math.max(-extraH, 0), Math.max(-extraW, 0)));
        return g.op("Transpose", c.name(), in(y), ints("perm", TO_NHWC));
    };

    /**
     * Resize over height and width (channels first, like the convolutions): nearest as Keras
     * repeats pixels (asymmetric coordinates, floor), bilinear at pixel centres (half_pixel).
     */
    static final OnnxLayer<UpSampling2D> UP_SAMPLING_2D = (c, s) -> {
        OnnxGraph g = c.graph();
        boolean bilinear = s.interpolation().equals("bilinear");
        String y = g.op("Resize", c.name(), in(nchw(c), "", g.floats(c.name() + "/scales", new int[] {4},
                new float[] {1, 1, s.size().h(), s.size().w()})), attr("mode", bilinear ? "linear" : "nearest"),
                attr("coordinate_transformation_mode", bilinear ? "half_pixel" : "asymmetric"),
                attr("nearest_mode", "floor"));
        return g.op("Transpose", c.name(), in(y), ints("perm", TO_NHWC));
    };

    private static String pool2d(OnnxLayer.Context c, String op, Window w) {
        OnnxGraph g = c.graph();
        String y = g.op(op, c.name(), in(nchw(c)), ints("kernel_shape", w.kh(), w.kw()),
                ints("strides", w.strideH(), w.strideW()), pads(w, true));
        return g.op("Transpose", c.name(), in(y), ints("perm", TO_NHWC));
    }

    private static String pool1d(OnnxLayer.Context c, String op, Window w) {
        OnnxGraph g = c.graph();
        String x = g.op("Transpose", c.name(), in(c.input()), ints("perm", SWAP_LAST));
        String y = g.op(op, c.name(), in(x), ints("kernel_shape", w.kw()), ints("strides", w.strideW()), pads(w, false));
        return g.op("Transpose", c.name(), in(y), ints("perm", SWAP_LAST));
    }

    private static String nchw(OnnxLayer.Context c) {
        return c.graph().op("Transpose", c.name(), in(c.input()), ints("perm", TO_NCHW));
    }

    /** ONNX pads are [begin of each axis..., end of each axis...]. */
    private static ai.onnx.proto.OnnxMl.AttributeProto pads(Window w, boolean twoD) {
        return twoD ? ints("pads", w.padTop(), w.padLeft(), w.padBottom(), w.padRight())
                : ints("pads", w.padLeft(), w.padRight());
    }
}
