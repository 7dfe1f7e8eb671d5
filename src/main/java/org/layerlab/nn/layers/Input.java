package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;

/** Where data enters the network: the shape of one sample, e.g. (784) or (28, 28, 1). */
public record Input(Shape shape) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("Input", Input.class, LayerCategory.CORE)
            .describe("Where data enters: the shape of one sample.", "x")
            .param(LayerParam.required("shape", ParamType.SHAPE, "The shape of one sample, without the batch: (784) or (28, 28, 1)."))
            .inputs(0, 0)
            .example(() -> Input.of(784))
            .build();

    public Input {
        Checks.notNull("Input", "shape", shape);
    }

    public static Input of(int... dims) {
        return new Input(Shape.of(dims));
    }

    @Override
    public String kind() {
        return "Input";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return shape;
    }

    @Override
    public LayerRuntime build(BuildContext context) {
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                // The network hands the batch to the Input node directly; nothing to compute.
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            }
        };
    }

    @Override
    public String summary() {
        return "Input " + shape;
    }
}
