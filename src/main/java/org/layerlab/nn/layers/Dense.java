package org.layerlab.nn.layers;

import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Linear;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.ShapeException;

/**
 * A fully connected layer: input (N, in) → output (N, units) = activation(x · kernel + bias), with
 * kernel (in, units) and bias (units). On a sequence (N, T, in) it acts on the last axis of each
 * step, (N, T, units), as Keras' Dense does (no TimeDistributed needed). On an image Keras would do
 * the same per pixel, which is almost always a missing Flatten, so LayerLab says so instead.
 */
public record Dense(int units, Activation activation, boolean useBias, Initializer kernelInitializer,
                    Initializer biasInitializer, Regularizer kernelRegularizer) implements LayerSpec, HasActivation {
    public Dense {
        Checks.positive("Dense", "units", units);
        Checks.notNull("Dense", "activation", activation);
        Checks.notNull("Dense", "kernelInitializer", kernelInitializer);
        Checks.notNull("Dense", "biasInitializer", biasInitializer);
        Checks.notNull("Dense", "kernelRegularizer", kernelRegularizer);
    }

    public static final LayerKind KIND = LayerKind.builder("Dense", Dense.class, LayerCategory.CORE)
            .describe("Every input connected to every unit: the basic learned layer.", "y = f(x·W + b)")
            .param(LayerParam.required("units", ParamType.INT, "How many outputs (neurons) the layer has.")
                    .range(1, 1_000_000))
            .param(LayerParam.optional("activation", ParamType.ACTIVATION, Activation.LINEAR,
                    "The function applied to each output."))
            .param(LayerParam.optional("use_bias", ParamType.BOOL, true, "Whether each unit adds a learned offset b."))
            .param(LayerParam.optional("kernel_initializer", ParamType.INITIALIZER, Initializer.GLOROT_UNIFORM,
                    "How the weights W start."))
            .param(LayerParam.optional("bias_initializer", ParamType.INITIALIZER, Initializer.ZEROS,
                    "How the offsets b start."))
            .param(LayerParam.optional("kernel_regularizer", ParamType.REGULARIZER, Regularizer.NONE,
                    "A penalty on large weights added to the loss (l1, l2)."))
            .example(() -> new Dense(64, "relu"))
            .build();

    public Dense(int units, Activation activation) {
        this(units, activation, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, Regularizer.NONE);
    }

    public Dense(int units, String activation) {
        this(units, Activation.parse(activation));
    }

    public Dense(int units) {
        this(units, Activation.LINEAR);
    }

    public Dense withUnits(int newUnits) {
        return new Dense(newUnits, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer);
    }

    public Dense withRegularizer(Regularizer r) {
        return new Dense(units, activation, useBias, kernelInitializer, biasInitializer, r);
    }

    @Override
    public LayerSpec withoutActivation() {
        return new Dense(units, Activation.LINEAR, useBias, kernelInitializer, biasInitializer, kernelRegularizer);
    }

    @Override
    public boolean passesMask() {
        return true;
    }

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.rank() == 2) {
            return Shape.of(in.dim(0), units);
        }
        if (in.rank() != 1) {
            throw new ShapeException("Dense needs a flat input but receives " + in + ": insert Flatten before it",
                    ShapeException.Remedy.INSERT_FLATTEN);
        }
        return Shape.of(units);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        int fanIn = inputs.get(0).last();
        ParameterSpec kernel = ParameterSpec.trainable("kernel", new int[] {fanIn, units}, kernelInitializer, fanIn, units,
                kernelRegularizer);
        return useBias ? List.of(kernel, ParameterSpec.trainable("bias", new int[] {units}, biasInitializer, fanIn, units,
                null)) : List.of(kernel);
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        return new Runtime(p.get("kernel"), p.get("bias"));
    }

    @Override
    public String summary() {
        return "Dense " + units + (activation.isLinear() ? "" : " " + activation);
    }

    private static final class Runtime implements LayerRuntime {
        private final Parameter kernel;
        private final Parameter bias;
        private boolean writeKernelGrad;

        Runtime(Parameter kernel, Parameter bias) {
            this.kernel = kernel;
            this.bias = bias;
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            Linear.forward(inputs[0], kernel.value(), bias == null ? null : bias.value(), output);
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            Linear.backward(inputs[0], kernel.value(), gradOutput, gradInputs[0], kernel.grad(),
                    bias == null ? null : bias.grad(), writeKernelGrad);
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
