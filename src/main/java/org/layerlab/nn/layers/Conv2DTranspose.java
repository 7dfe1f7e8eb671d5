package org.layerlab.nn.layers;

import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.ConvTranspose2D;
import org.layerlab.engine.ops.Window;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.Size2;

/**
 * The transposed convolution of decoders and generators: (N, H, W, C) → (N, Ho, Wo, filters), each
 * input pixel spread through the kernel. Keras' output sizes: "same" gives H·stride, "valid"
 * (H − 1)·stride + kernel (H·stride when the kernel is smaller than the stride); Keras' kernel
 * layout (kh, kw, filters, in) — output channels before input ones, the reverse of Conv2D's.
 * output_padding and dilation are not offered yet.
 */
public record Conv2DTranspose(int filters, Size2 kernelSize, Size2 strides, Padding padding, Activation activation,
                              boolean useBias, Initializer kernelInitializer, Initializer biasInitializer)
        implements LayerSpec, HasActivation {
    public Conv2DTranspose {
        Checks.positive("Conv2DTranspose", "filters", filters);
        Size2.check("Conv2DTranspose", "kernelSize", kernelSize);
        Size2.check("Conv2DTranspose", "strides", strides);
        Checks.notNull("Conv2DTranspose", "padding", padding);
        Checks.notNull("Conv2DTranspose", "activation", activation);
        Checks.notNull("Conv2DTranspose", "kernelInitializer", kernelInitializer);
        Checks.notNull("Conv2DTranspose", "biasInitializer", biasInitializer);
    }

    public static final LayerKind KIND = LayerKind.builder("Conv2DTranspose", Conv2DTranspose.class,
                    LayerCategory.CONVOLUTION)
            .describe("A convolution run backwards: spreads each pixel through learned filters into a larger image.",
                    "y[i·s+u, j·s+v, f] += x[i, j, c]·K[u, v, f, c]")
            .param(LayerParam.required("filters", ParamType.INT, "How many filters, i.e. output channels.")
                    .range(1, 100_000))
            .param(LayerParam.required("kernel_size", ParamType.SIZE2, "The window each input pixel spreads over.")
                    .range(1, 64))
            .param(LayerParam.optional("strides", ParamType.SIZE2, Size2.square(1), "How many times larger the output is.")
                    .range(1, 64))
            .param(LayerParam.optional("padding", ParamType.PADDING, Padding.VALID,
                    "same: exactly input × strides; valid: the kernel's full spread, a little larger."))
            .param(LayerParam.optional("activation", ParamType.ACTIVATION, Activation.LINEAR,
                    "The function applied to each output."))
            .param(LayerParam.optional("use_bias", ParamType.BOOL, true, "Whether each filter adds a learned offset."))
            .param(LayerParam.optional("kernel_initializer", ParamType.INITIALIZER, Initializer.GLOROT_UNIFORM,
                    "How the filters start."))
            .param(LayerParam.optional("bias_initializer", ParamType.INITIALIZER, Initializer.ZEROS,
                    "How the offsets start."))
            .example(() -> new Conv2DTranspose(16, Size2.square(3), Size2.square(2), Padding.SAME, Activation.RELU, true,
                    Initializer.GLOROT_UNIFORM, Initializer.ZEROS))
            .build();

    @Override
    public LayerSpec withoutActivation() {
        return new Conv2DTranspose(filters, kernelSize, strides, padding, Activation.LINEAR, useBias, kernelInitializer,
                biasInitializer);
    }

    @Override
    public String kind() {
        return "Conv2DTranspose";
    }

    /** Keras' deconv_output_length without output_padding. */
    private static int outputLength(int in, int kernel, int stride, Padding padding) {
        return padding == Padding.SAME ? in * stride : in * stride + Math.max(kernel - stride, 0);
    }

    /**
     * The window of the convolution this is the adjoint of: from the output's size down to the
     * input's (the exporters read it too).
     */
    public Window window(Shape in) {
        Images.requireImage("Conv2DTranspose", in);
        int oh = outputLength(in.dim(0), kernelSize.h(), strides.h(), padding);
        int ow = outputLength(in.dim(1), kernelSize.w(), strides.w(), padding);
        Window w = Window.of(oh, ow, filters, kernelSize.h(), kernelSize.w(), strides.h(), strides.w(), 1, 1,
                padding == Padding.SAME);
        if (w.outH() != in.dim(0) || w.outW() != in.dim(1)) {
            throw new IllegalStateException("Conv2DTranspose: " + in + " gives " + oh + "×" + ow + ", whose convolution"
                    + " gives back " + w.outH() + "×" + w.outW());
        }
        return w;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Window w = window(inputs.get(0));
        return Shape.of(w.inH(), w.inW(), filters);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        int channels = Images.requireImage("Conv2DTranspose", inputs.get(0)).dim(2);
        int receptive = kernelSize.h() * kernelSize.w();
        // Keras' fans from the kernel's shape: in = filters·kh·kw, out = channels·kh·kw.
        ParameterSpec kernel = ParameterSpec.trainable("kernel", new int[] {kernelSize.h(), kernelSize.w(), filters,
                channels}, kernelInitializer, receptive * filters, receptive * channels, null);
        return useBias ? List.of(kernel, ParameterSpec.trainable("bias", new int[] {filters}, biasInitializer, 0, 0, null))
                : List.of(kernel);
    }

    @Override
    public long workspaceFloatsPerSample(List<Shape> inputs) {
        Window w = window(inputs.get(0));
        return (long) w.outH() * w.outW() * w.patchSize();
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        Window w = window(c.input());
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        Parameter kernel = p.get("kernel");
        Parameter bias = p.get("bias");
        return new LayerRuntime() {
            private float[] cols = new float[0];

            @Override
            public void allocate(int batchCapacity) {
                cols = new float[batchCapacity * w.outH() * w.outW() * w.patchSize()];
            }

            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                ensure(inputs[0].batch());
                ConvTranspose2D.forward(inputs[0], kernel.value(), bias == null ? null : bias.value(), output, w, cols);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                ensure(inputs[0].batch());
                ConvTranspose2D.backward(inputs[0], gradOutput, kernel.value(), gradInputs[0], kernel.grad(),
                        bias == null ? null : bias.grad(), w, cols);
            }

            private void ensure(int batch) {
                if (cols.length < batch * w.outH() * w.outW() * w.patchSize()) {
                    allocate(batch);
                }
            }

            @Override
            public List<Parameter> parameters() {
                return bias == null ? List.of(kernel) : List.of(kernel, bias);
            }
        };
    }

    @Override
    public String summary() {
        return "Conv2DTranspose " + filters + " " + kernelSize + (strides.equals(Size2.square(1)) ? "" : " ×" + strides)
                + (padding == Padding.SAME ? " same" : "") + (activation.isLinear() ? "" : " " + activation);
    }
}
