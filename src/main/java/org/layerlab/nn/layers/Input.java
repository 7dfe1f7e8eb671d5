package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;

/** Where data enters the network: the shape of one sample, e.g. (784) or (28, 28, 1). */
public record Input(Shape shape) implements LayerSpec {
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
    public int minInputs() {
        return 0;
    }

    @Override
    public int maxInputs() {
        return 0;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return shape;
    }

    @Override
    public long paramCount(List<Shape> inputs) {
        return 0;
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
