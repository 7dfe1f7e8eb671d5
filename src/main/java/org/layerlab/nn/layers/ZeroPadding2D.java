package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Frame;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Edges;
import org.layerlab.nn.LayerRuntime;

/** Rows and columns of zeros around images, Keras' ZeroPadding2D: (N, H, W, C) → (N, t+H+b, l+W+r, C). */
public record ZeroPadding2D(Edges padding) implements LayerSpec {
    public ZeroPadding2D {
        Checks.notNull("ZeroPadding2D", "padding", padding);
    }

    public static final LayerKind KIND = LayerKind.builder("ZeroPadding2D", ZeroPadding2D.class, LayerCategory.RESHAPE)
            .describe("Frames images in zeros: rows above and below, columns left and right.",
                    "y = [0 … x … 0] around each edge")
            .param(LayerParam.optional("padding", ParamType.EDGES, Edges.of(1),
                    "Rows at the top and bottom, columns at the left and right."))
            .example(() -> new ZeroPadding2D(Edges.of(1)))
            .build();

    @Override
    public String kind() {
        return "ZeroPadding2D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Images.requireImage("ZeroPadding2D", inputs.get(0));
        return Shape.of(in.dim(0) + padding.height(), in.dim(1) + padding.width(), in.dim(2));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                Frame.embed(inputs[0], output, padding.top(), padding.left());
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    Frame.addCut(gradOutput, gradInputs[0], padding.top(), padding.left());
                }
            }
        };
    }

    @Override
    public String summary() {
        return "ZeroPadding2D " + padding;
    }
}
