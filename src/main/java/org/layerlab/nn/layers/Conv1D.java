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
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;

/**
 * A 1-D convolution along time: (N, T, C) → (N, outT, filters), kernel (kernel_size, C, filters)
 * and bias (filters) as Keras stores them. Runs on the 2-D convolution op over a 1 × T image (the
 * kernel's memory is the same as a (1, k, C, filters) one). Paddings: valid, same, and causal
 * (output t sees inputs up to t only, for forecasting and generation, as in WaveNet).
 */
public record Conv1D(int filters, int kernelSize, int strides, String padding, int dilationRate, Activation activation,
                     boolean useBias, Initializer kernelInitializer, Initializer biasInitializer)
        implements LayerSpec, HasActivation {
    public static final LayerKind KIND = LayerKind.builder("Conv1D", Conv1D.class, LayerCategory.CONVOLUTION)
            .describe("Slides learned filters along a sequence; each filter finds one pattern in time.",
                    "y[t,f] = f(Σ x[t·s + u·d, c]·K[u,c,f] + b[f])")
            .param(LayerParam.required("filters", ParamType.INT, "How many filters, i.e. output features.")
                    .range(1, 100_000))
            .param(LayerParam.required("kernel_size", ParamType.INT, "How many steps each filter sees.").range(1, 1024))
            .param(LayerParam.optional("strides", ParamType.INT, 1, "How far the window moves each step.").range(1, 1024))
            .param(LayerParam.choice("padding", "valid", Sequences.PADDINGS,
                    "valid: no padding, the sequence shrinks; same: zeros at both ends, length kept (÷ strides);"
                            + " causal: zeros before the start, each output sees only the past."))
            .param(LayerParam.optional("dilation_rate", ParamType.INT, 1,
                    "Gaps between the steps a filter sees, to see further back without more weights.").range(1, 1024))
            .param(LayerParam.optional("activation", ParamType.ACTIVATION, Activation.LINEAR,
                    "The function applied to each output."))
            .param(LayerParam.optional("use_bias", ParamType.BOOL, true, "Whether each filter adds a learned offset."))
            .param(LayerParam.optional("kernel_initializer", ParamType.INITIALIZER, Initializer.GLOROT_UNIFORM,
                    "How the filters start."))
            .param(LayerParam.optional("bias_initializer", ParamType.INITIALIZER, Initializer.ZEROS,
                    "How the offsets start."))
            .example(() -> new Conv1D(32, 3, 1, "valid", 1, Activation.RELU, true, Initializer.GLOROT_UNIFORM,
                    Initializer.ZEROS))
            .build();

    public Conv1D {
        Checks.positive("Conv1D", "filters", filters);
        Checks.positive("Conv1D", "kernelSize", kernelSize);
        Checks.positive("Conv1D", "strides", strides);
        Checks.positive("Conv1D", "dilationRate", dilationRate);
        Checks.notNull("Conv1D", "activation", activation);
        Checks.notNull("Conv1D", "kernelInitializer", kernelInitializer);
        Checks.notNull("Conv1D", "biasInitializer", biasInitializer);
        if (!Sequences.PADDINGS.contains(padding)) {
            throw new IllegalArgumentException("Conv1D: padding must be valid, same or causal. Received: padding=" + padding);
        }
        if (strides > 1 && dilationRate > 1) {
            throw new IllegalArgumentException("Conv1D: strides > 1 cannot be combined with dilation_rate > 1 (as in"
                    + " Keras). Received: strides=" + strides + ", dilation_rate=" + dilationRate);
        }
    }

    @Override
    public LayerSpec withoutActivation() {
        return new Conv1D(filters, kernelSize, strides, padding, dilationRate, Activation.LINEAR, useBias,
                kernelInitializer, biasInitializer);
    }

    @Override
    public String kind() {
        return "Conv1D";
    }

    /** The window over this input as the layer computes it (sizes, strides, padding); exporters read it too. */
    public Window window(Shape in) {
        return Sequences.window(kind(), in, kernelSize, strides, dilationRate, padding);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Shape.of(window(inputs.get(0)).outW(), filters);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        int channels = Sequences.requireSequence(kind(), inputs.get(0)).dim(1);
        ParameterSpec kernel = ParameterSpec.trainable("kernel", new int[] {kernelSize, channels, filters},
                kernelInitializer, kernelSize * channels, kernelSize * filters, null);
        return useBias ? List.of(kernel, ParameterSpec.trainable("bias", new int[] {filters}, biasInitializer, 0, 0, null))
                : List.of(kernel);
    }

    @Override
    public long workspaceFloatsPerSample(List<Shape> inputs) {
        Window w = window(inputs.get(0));
        return 2L * w.outW() * w.patchSize();
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        Window w = window(c.input());
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        return new Runtime(w, p.get("kernel"), p.get("bias"));
    }

    @Override
    public String summary() {
        return "Conv1D " + filters + " ×" + kernelSize + ("valid".equals(padding) ? "" : " " + padding)
                + (activation.isLinear() ? "" : " " + activation);
    }

    private static final class Runtime implements LayerRuntime {
        private final Window w;
        private final Parameter kernel;
        private final Parameter bias;
        private float[] cols = new float[0];
        private float[] dcols = new float[0];
        /** The kernel and its gradient seen as (1, k, C, filters), the 2-D op's layout: same arrays, no copy. */
        private Tensor kernel4;
        private Tensor grad4;

        Runtime(Window w, Parameter kernel, Parameter bias) {
            this.w = w;
            this.kernel = kernel;
            this.bias = bias;
        }

        private Tensor view(Tensor view, Tensor t) {
            return view != null && view.data() == t.data() ? view
                    : Tensor.wrap(t.data(), 1, t.dim(0), t.dim(1), t.dim(2));
        }

        @Override
        public void allocate(int batchCapacity) {
            cols = new float[batchCapacity * w.outW() * w.patchSize()];
            dcols = new float[0];
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            if (cols.length < inputs[0].batch() * w.outW() * w.patchSize()) {
                allocate(inputs[0].batch());
            }
            kernel4 = view(kernel4, kernel.value());
            org.layerlab.engine.ops.Conv2D.forward(inputs[0], kernel4, bias == null ? null : bias.value(), output, w, cols);
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            if (gradInputs[0] != null && dcols.length < cols.length) {
                dcols = new float[cols.length];
            }
            kernel4 = view(kernel4, kernel.value());
            grad4 = view(grad4, kernel.grad());
            org.layerlab.engine.ops.Conv2D.backward(gradOutput, kernel4, gradInputs[0], grad4,
                    bias == null ? null : bias.grad(), w, cols, dcols);
        }

        @Override
        public List<Parameter> parameters() {
            return bias == null ? List.of(kernel) : List.of(kernel, bias);
        }
    }
}
