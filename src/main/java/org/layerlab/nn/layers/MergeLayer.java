package org.layerlab.nn.layers;

import java.util.List;
import java.util.Locale;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Merge;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ShapeException;

/**
 * Keras' Add, Subtract, Multiply and Average: inputs of one shape combined elementwise (Subtract
 * takes exactly two). One record for the four because they differ only in the arithmetic.
 */
public record MergeLayer(Merge.Kind operation) implements LayerSpec {
    public MergeLayer {
        Checks.notNull("merge", "operation", operation);
    }

    public static MergeLayer add() {
        return new MergeLayer(Merge.Kind.ADD);
    }

    @Override
    public String kind() {
        String n = operation.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    @Override
    public int minInputs() {
        return 2;
    }

    @Override
    public int maxInputs() {
        return operation == Merge.Kind.SUBTRACT ? 2 : Integer.MAX_VALUE;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape first = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            if (!inputs.get(i).equals(first)) {
                throw new ShapeException(kind() + " needs inputs of one shape but receives " + first + " and "
                        + inputs.get(i) + ": make both branches end in the same shape (e.g. the same number of filters"
                        + " or units), or use Concatenate");
            }
        }
        return first;
    }

    @Override
    public long paramCount(List<Shape> inputs) {
        return 0;
    }

    @Override
    public LayerRuntime build(BuildContext context) {
        outputShape(context.inputShapes());
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                Merge.forward(operation, inputs, output);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                Merge.backward(operation, inputs, gradOutput, gradInputs);
            }
        };
    }

    @Override
    public String summary() {
        return kind();
    }
}
