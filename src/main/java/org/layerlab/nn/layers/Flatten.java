package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;

/** Lays each sample out as one vector: (N, d1, d2, ...) → (N, d1·d2·...), in row-major (NHWC) order as Keras does. */
public record Flatten() implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("Flatten", Flatten.class, LayerCategory.RESHAPE)
            .describe("Lays each sample out as one vector, e.g. before Dense.", "(h, w, c) → (h·w·c)")
            .example(Flatten::new)
            .build();

    @Override
    public String kind() {
        return "Flatten";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Shape.of(inputs.get(0).size());
    }

    @Override
    public LayerRuntime build(BuildContext context) {
        return new CopyRuntime();
    }

    @Override
    public String summary() {
        return "Flatten";
    }
}
