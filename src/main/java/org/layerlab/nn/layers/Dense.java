package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Linear;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.ShapeException;

/**
 * A fully connected layer: input (N, in) → output (N, units) = activation(x · kernel + bias), with
 * kernel (in, units) and bias (units).
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
    public String kind() {
        return "Dense";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.rank() != 1) {
            throw new ShapeException("Dense needs a flat input but receives " + in + ": insert Flatten before it",
                    ShapeException.Remedy.INSERT_FLATTEN);
        }
        return Shape.of(units);
    }

    @Override
    public long paramCount(List<Shape> inputs) {
        long in = inputs.get(0).size();
        return in * units + (useBias ? units : 0);
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        Shape in = c.input();
        outputShape(List.of(in));
        int fanIn = in.size();
        Parameter kernel = c.parameter("kernel", new int[] {fanIn, units}, kernelInitializer, fanIn, units,
                kernelRegularizer);
        Parameter bias = useBias ? c.parameter("bias", new int[] {units}, biasInitializer, fanIn, units, null) : null;
        return new Runtime(kernel, bias);
    }

    @Override
    public String summary() {
        return "Dense " + units + (activation.isLinear() ? "" : " " + activation);
    }

    private record Runtime(Parameter kernel, Parameter bias) implements LayerRuntime {
        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            Linear.forward(inputs[0], kernel.value(), bias == null ? null : bias.value(), output);
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            Linear.backward(inputs[0], kernel.value(), gradOutput, gradInputs[0], kernel.grad(),
                    bias == null ? null : bias.grad());
        }

        @Override
        public List<Parameter> parameters() {
            return bias == null ? List.of(kernel) : List.of(kernel, bias);
        }
    }
}
