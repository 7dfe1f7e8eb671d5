package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Concat;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ShapeException;

/**
 * Joins inputs along one axis (Keras' axis counting the batch as 0; −1, the default, is the last:
 * channels of NHWC images, features of vectors). All other dimensions must agree.
 */
public record Concatenate(int axis) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("Concatenate", Concatenate.class, LayerCategory.MERGE)
            .describe("Joins branches along the last axis (channels or features).", "y = [a, b, …]")
            .param(LayerParam.optional("axis", ParamType.INT, -1, "The axis to join along; −1 is the last.").range(-4, 4))
            .inputs(2, Integer.MAX_VALUE)
            .example(Concatenate::new)
            .build();

    public Concatenate() {
        this(-1);
    }

    @Override
    public String kind() {
        return "Concatenate";
    }

    /** The axis within the per-sample shape (0-based), or an explanation. */
    int sampleAxis(Shape s) {
        int a = axis < 0 ? s.rank() + axis : axis - 1;
        if (a < 0 || a >= s.rank()) {
            throw new ShapeException("Concatenate axis " + axis + " does not exist for inputs of shape " + s.toBatchString()
                    + ": use -1 (the last axis) or 1.." + s.rank());
        }
        return a;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape first = inputs.get(0);
        int a = sampleAxis(first);
        int[] out = first.dims();
        for (int i = 1; i < inputs.size(); i++) {
            Shape s = inputs.get(i);
            boolean fits = s.rank() == first.rank();
            for (int d = 0; fits && d < s.rank(); d++) {
                fits = d == a || s.dim(d) == first.dim(d);
            }
            if (!fits) {
                throw new ShapeException("Concatenate along axis " + axis + " needs inputs that agree on every other axis,"
                        + " but receives " + first + " and " + s);
            }
            out[a] += s.dim(a);
        }
        return Shape.of(out);
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        int a = sampleAxis(c.input());
        int[] widths = new int[c.inputShapes().size()];
        for (int k = 0; k < widths.length; k++) {
            Shape s = c.inputShapes().get(k);
            int w = 1;
            for (int d = a; d < s.rank(); d++) {
                w *= s.dim(d);
            }
            widths[k] = w;
        }
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                Concat.forward(inputs, widths, output);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                Concat.backward(gradOutput, widths, gradInputs);
            }
        };
    }

    @Override
    public String summary() {
        return axis == -1 ? "Concatenate" : "Concatenate axis " + axis;
    }
}
