package org.layerlab.nn.layers;

import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Window;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.Size2;

/**
 * A 2-D convolution: input (N, H, W, C) → output (N, outH, outW, filters), kernel (kh, kw, C,
 * filters) as Keras stores it, bias (filters). Output sizes follow Keras for "valid" and "same".
 */
public record Conv2D(int filters, Size2 kernelSize, Size2 strides, Padding padding, Size2 dilationRate,
                     Activation activation, boolean useBias, Initializer kernelInitializer, Initializer biasInitializer,
                     Regularizer kernelRegularizer) implements LayerSpec, HasActivation {
    public Conv2D {
        Checks.positive("Conv2D", "filters", filters);
        Size2.check("Conv2D", "kernelSize", kernelSize);
        Size2.check("Conv2D", "strides", strides);
        Size2.check("Conv2D", "dilationRate", dilationRate);
        Checks.notNull("Conv2D", "padding", padding);
        Checks.notNull("Conv2D", "activation", activation);
        Checks.notNull("Conv2D", "kernelInitializer", kernelInitializer);
        Checks.notNull("Conv2D", "biasInitializer", biasInitializer);
        Checks.notNull("Conv2D", "kernelRegularizer", kernelRegularizer);
        if ((strides.h() > 1 || strides.w() > 1) && (dilationRate.h() > 1 || dilationRate.w() > 1)) {
            throw new IllegalArgumentException("Conv2D: strides > 1 cannot be combined with dilationRate > 1 (as in Keras)."
                    + " Received: strides=" + strides + ", dilationRate=" + dilationRate);
        }
    }

    public static final LayerKind KIND = LayerKind.builder("Conv2D", Conv2D.class, LayerCategory.CONVOLUTION)
            .describe("Slides learned filters over an image; each filter finds one pattern.",
                    "y[i,j,f] = f(Σ x[i+u, j+v, c]·K[u,v,c,f] + b[f])")
            .param(LayerParam.required("filters", ParamType.INT, "How many filters, i.e. output channels.")
                    .range(1, 100_000))
            .param(LayerParam.required("kernel_size", ParamType.SIZE2, "The window each filter sees (height × width).")
                    .range(1, 64))
            .param(LayerParam.optional("strides", ParamType.SIZE2, Size2.square(1), "How far the window moves each step.")
                    .range(1, 64))
            .param(LayerParam.optional("padding", ParamType.PADDING, Padding.VALID,
                    "valid: no padding, the map shrinks; same: zeros around it, size kept (÷ strides)."))
            .param(LayerParam.optional("dilation_rate", ParamType.SIZE2, Size2.square(1),
                    "Gaps between the window's cells, to see wider without more weights.").range(1, 64))
            .param(LayerParam.optional("activation", ParamType.ACTIVATION, Activation.LINEAR,
                    "The function applied to each output."))
            .param(LayerParam.optional("use_bias", ParamType.BOOL, true, "Whether each filter adds a learned offset."))
            .param(LayerParam.optional("kernel_initializer", ParamType.INITIALIZER, Initializer.GLOROT_UNIFORM,
                    "How the filters start."))
            .param(LayerParam.optional("bias_initializer", ParamType.INITIALIZER, Initializer.ZEROS,
                    "How the offsets start."))
            .param(LayerParam.optional("kernel_regularizer", ParamType.REGULARIZER, Regularizer.NONE,
                    "A penalty on large weights added to the loss (l1, l2)."))
            .example(() -> new Conv2D(32, 3, "relu"))
            .build();

    /** Keras defaults: stride 1, valid padding, no dilation, bias, glorot_uniform. */
    public Conv2D(int filters, int kernel, String activation) {
        this(filters, Size2.square(kernel), Size2.square(1), Padding.VALID, Size2.square(1), Activation.parse(activation),
                true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, Regularizer.NONE);
    }

    public Conv2D withPadding(Padding p) {
        return new Conv2D(filters, kernelSize, strides, p, dilationRate, activation, useBias, kernelInitializer,
                biasInitializer, kernelRegularizer);
    }

    public Conv2D withStrides(Size2 s) {
        return new Conv2D(filters, kernelSize, s, padding, dilationRate, activation, useBias, kernelInitializer,
                biasInitializer, kernelRegularizer);
    }

    public Conv2D withDilation(Size2 d) {
        return new Conv2D(filters, kernelSize, strides, padding, d, activation, useBias, kernelInitializer,
                biasInitializer, kernelRegularizer);
    }

    @Override
    public LayerSpec withoutActivation() {
        return new Conv2D(filters, kernelSize, strides, padding, dilationRate, Activation.LINEAR, useBias,
                kernelInitializer, biasInitializer, kernelRegularizer);
    }

    @Override
    public String kind() {
        return "Conv2D";
    }

    /** The window over this input as the layer computes it (sizes, strides, padding); exporters read it too. */
    public Window window(Shape in) {
        return Images.window("Conv2D", in, kernelSize, strides, dilationRate, padding);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Window w = window(inputs.get(0));
        return Shape.of(w.outH(), w.outW(), filters);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        int channels = Images.requireImage("Conv2D", inputs.get(0)).dim(2);
        int receptive = kernelSize.h() * kernelSize.w();
        ParameterSpec kernel = ParameterSpec.trainable("kernel", new int[] {kernelSize.h(), kernelSize.w(), channels, filters},
                kernelInitializer, receptive * channels, receptive * filters, kernelRegularizer);
        return useBias ? List.of(kernel, ParameterSpec.trainable("bias", new int[] {filters}, biasInitializer, 0, 0, null))
                : List.of(kernel);
    }

    @Override
    public long workspaceFloatsPerSample(List<Shape> inputs) {
        // im2col columns and their gradient: one patch per output position.
        Window w = window(inputs.get(0));
        return 2L * w.outH() * w.outW() * w.patchSize();
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        Window w = window(c.input());
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        return new Runtime(w, p.get("kernel"), p.get("bias"));
    }

    @Override
    public String summary() {
        return "Conv2D " + filters + " " + kernelSize + (strides.equals(Size2.square(1)) ? "" : " /" + strides)
                + (padding == Padding.SAME ? " same" : "") + (activation.isLinear() ? "" : " " + activation);
    }

    private static final class Runtime implements LayerRuntime {
        private final Window w;
        private final Parameter kernel;
        private final Parameter bias;
        private float[] cols = new float[0];
        private float[] dcols = new float[0];
        private boolean writeKernelGrad;

        Runtime(Window w, Parameter kernel, Parameter bias) {
            this.w = w;
            this.kernel = kernel;
            this.bias = bias;
        }

        @Override
        public void allocate(int batchCapacity) {
            int size = batchCapacity * w.outH() * w.outW() * w.patchSize();
            cols = new float[size];
            // dcols is created on the first backward: inference never needs it.
            dcols = new float[0];
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            org.layerlab.engine.ops.Conv2D.forward(inputs[0], kernel.value(), bias == null ? null : bias.value(),
                    output, w, cols);
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            if (gradInputs[0] != null && dcols.length < cols.length) {
                dcols = new float[cols.length];
            }
            org.layerlab.engine.ops.Conv2D.backward(gradOutput, kernel.value(), gradInputs[0], kernel.grad(),
                    bias == null ? null : bias.grad(), w, cols, dcols, writeKernelGrad);
        }

        @Override
        public List<Parameter> writeParameterGradients() {
            writeKernelGrad = true;
            return List.of(kernel);
        }

        @Override
        public List<Parameter> parameters() {
            return bias == null ? List.of(kernel) : List.of(kernel, bias);
        }
    }
}
