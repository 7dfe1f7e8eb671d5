package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;

/**
 * Keras' LeakyReLU layer: y = x for x ≥ 0, else negative_slope·x; shape unchanged. Its default
 * slope is 0.3, where the leaky_relu activation's is 0.2 (both as Keras 3). PyTorch's LeakyReLU
 * defaults to 0.01.
 */
public record LeakyReLU(double negativeSlope) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("LeakyReLU", LeakyReLU.class, LayerCategory.ACTIVATIONS)
            .describe("ReLU that lets a small share of negative values through, so units never go silent.",
                    "y = x if x ≥ 0, else slope·x")
            .param(LayerParam.optional("negative_slope", ParamType.FLOAT, 0.3, "The slope below zero.").range(0, 1e6))
            .example(LeakyReLU::new)
            .build();

    public LeakyReLU {
        Checks.nonNegative("LeakyReLU", "negative_slope", negativeSlope);
    }

    /** Keras default negative_slope 0.3. */
    public LeakyReLU() {
        this(0.3);
    }

    @Override
    public String kind() {
        return "LeakyReLU";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public LayerRuntime build(BuildContext context) {
        return ActivationLayer.runtime(new Activation(ActivationFunction.LEAKY_RELU, negativeSlope));
    }

    @Override
    public String summary() {
        return "LeakyReLU " + negativeSlope;
    }
}
