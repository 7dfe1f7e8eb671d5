package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;

/** The mean of each channel over the whole image: (N, H, W, C) → (N, C). */
public record GlobalAveragePooling2D() implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("GlobalAveragePooling2D", GlobalAveragePooling2D.class, LayerCategory.POOLING)
            .describe("One value per channel: the mean over the whole image.", "y[c] = mean over i,j of x[i,j,c]")
            .example(GlobalAveragePooling2D::new)
            .build();

    @Override
    public String kind() {
        return "GlobalAveragePooling2D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Shape.of(Images.requireImage(kind(), inputs.get(0)).dim(2));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        return GlobalPooling.average();
    }

    @Override
    public String summary() {
        return kind();
    }
}
