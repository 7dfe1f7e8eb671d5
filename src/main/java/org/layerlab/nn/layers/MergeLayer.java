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
    /** Add, Subtract, Multiply and Average: one kind each, in palette order. */
    public static final List<LayerKind> KINDS = List.of(
            kind(Merge.Kind.ADD, "Sums branches of the same shape (residual connections).", "y = a + b + …"),
            kind(Merge.Kind.SUBTRACT, "Difference of two branches.", "y = a − b"),
            kind(Merge.Kind.MULTIPLY, "Elementwise product of branches (gating).", "y = a ⊙ b ⊙ …"),
            kind(Merge.Kind.AVERAGE, "Mean of branches.", "y = (a + b + …)/n"));

    private static LayerKind kind(Merge.Kind op, String what, String math) {
        return LayerKind.builder(nameOf(op), MergeLayer.class, LayerCategory.MERGE)
                .describe(what, math)
                .fix("operation", op)
                .inputs(2, op == Merge.Kind.SUBTRACT ? 2 : Integer.MAX_VALUE)
                .example(() -> new MergeLayer(op))
                .build();
    }

    private static String nameOf(Merge.Kind op) {
        String n = op.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    public MergeLayer {
        Checks.notNull("merge", "operation", operation);
    }

    public static MergeLayer add() {
        return new MergeLayer(Merge.Kind.ADD);
    }

    @Override
    public boolean passesMask() {
        return true;
    }

    @Override
    public String kind() {
        return nameOf(operation);
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
