package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;

/** Keras' ELU layer: y = x for x > 0, else α·(eˣ − 1); shape unchanged. */
public record ELU(double alpha) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("ELU", ELU.class, LayerCategory.ACTIVATIONS)
            .describe("Exponential linear unit: smooth below zero, saturating at −α.", "y = x if x > 0, else α·(eˣ − 1)")
            .param(LayerParam.optional("alpha", ParamType.FLOAT, 1.0, "The value negative inputs saturate towards (−α).")
                    .range(0, 1e6))
            .example(ELU::new)
            .build();

    public ELU {
        Checks.nonNegative("ELU", "alpha", alpha);
    }

    /** Keras default alpha 1. */
    public ELU() {
        this(1.0);
    }

    @Override
    public String kind() {
        return "ELU";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public LayerRuntime build(BuildContext context) {
        return ActivationLayer.runtime(new Activation(ActivationFunction.ELU, alpha));
    }

    @Override
    public String summary() {
        return "ELU " + alpha;
    }
}
