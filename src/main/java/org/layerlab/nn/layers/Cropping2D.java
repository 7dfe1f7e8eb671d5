package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Frame;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Edges;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ShapeException;

/** Rows and columns cut off images' edges, Keras' Cropping2D: (N, H, W, C) → (N, H−t−b, W−l−r, C). */
public record Cropping2D(Edges cropping) implements LayerSpec {
    public Cropping2D {
        Checks.notNull("Cropping2D", "cropping", cropping);
    }

    public static final LayerKind KIND = LayerKind.builder("Cropping2D", Cropping2D.class, LayerCategory.RESHAPE)
            .describe("Cuts rows off the top and bottom and columns off the sides of images.",
                    "y = x[t : H−b, l : W−r]")
            .param(LayerParam.optional("cropping", ParamType.EDGES, Edges.of(0),
                    "Rows off the top and bottom, columns off the left and right."))
            .example(() -> new Cropping2D(Edges.of(1)))
            .build();

    @Override
    public String kind() {
        return "Cropping2D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Images.requireImage("Cropping2D", inputs.get(0));
        int h = in.dim(0) - cropping.height();
        int w = in.dim(1) - cropping.width();
        if (h < 1 || w < 1) {
            throw new ShapeException("Cropping2D " + cropping + " would leave nothing of a " + in.dim(0) + "×" + in.dim(1)
                    + " image: crop less");
        }
        return Shape.of(h, w, in.dim(2));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                Frame.cut(inputs[0], output, cropping.top(), cropping.left());
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    // The cut-off edges had no effect: only the window gets gradient.
                    Frame.addEmbed(gradOutput, gradInputs[0], cropping.top(), cropping.left());
                }
            }
        };
    }

    @Override
    public String summary() {
        return "Cropping2D " + cropping;
    }
}
