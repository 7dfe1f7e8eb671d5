package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;

/** The largest value of each channel over the whole image: (N, H, W, C) → (N, C). */
public record GlobalMaxPooling2D() implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("GlobalMaxPooling2D", GlobalMaxPooling2D.class, LayerCategory.POOLING)
            .describe("One value per channel: the maximum over the whole image.", "y[c] = max over i,j of x[i,j,c]")
            .example(GlobalMaxPooling2D::new)
            .build();

    @Override
    public String kind() {
        return "GlobalMaxPooling2D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Shape.of(Images.requireImage(kind(), inputs.get(0)).dim(2));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        return GlobalPooling.max(c.input().dim(2));
    }

    @Override
    public String summary() {
        return kind();
    }
}
