package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Activate;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;

/** Keras' Activation layer: y = f(x), shape unchanged; softmax applies over the last axis. */
public record ActivationLayer(Activation activation) implements LayerSpec, HasActivation {
    public static final LayerKind KIND = LayerKind.builder("Activation", ActivationLayer.class, LayerCategory.CORE)
            .describe("Applies a function to each value.", "y = f(x)")
            .param(LayerParam.optional("activation", ParamType.ACTIVATION, Activation.LINEAR, "The function applied to each value."))
            .example(() -> new ActivationLayer("relu"))
            .build();

    public ActivationLayer {
        Checks.notNull("Activation", "activation", activation);
    }

    public ActivationLayer(String name) {
        this(Activation.parse(name));
    }

    @Override
    public boolean passesMask() {
        return true;
    }

    @Override
    public String kind() {
        return "Activation";
    }

    @Override
    public LayerSpec withoutActivation() {
        return new ActivationLayer(Activation.LINEAR);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public LayerRuntime build(BuildContext context) {
        return runtime(activation);
    }

    /** The runtime of an activation step; the network also uses it for layers' built-in activations. */
    public static LayerRuntime runtime(Activation activation) {
        ActivationFunction f = activation.function();
        double alpha = activation.alpha();
        return new LayerRuntime() {
            private boolean write;

            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                Activate.forward(f, alpha, inputs[0], output);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    Activate.backward(f, alpha, inputs[0], output, gradOutput, gradInputs[0], write);
                }
            }

            @Override
            public boolean writeInputGradient() {
                write = true;
                return true;
            }
        };
    }

    @Override
    public String summary() {
        return "Activation " + activation;
    }
}
