package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;

/** The largest value of each feature over all steps: (N, T, C) → (N, C). */
public record GlobalMaxPooling1D() implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("GlobalMaxPooling1D", GlobalMaxPooling1D.class, LayerCategory.POOLING)
            .describe("One value per feature: the maximum over all time steps.", "y[c] = max over t of x[t,c]")
            .example(GlobalMaxPooling1D::new)
            .build();

    @Override
    public String kind() {
        return "GlobalMaxPooling1D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Shape.of(Sequences.requireSequence(kind(), inputs.get(0)).dim(1));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        return GlobalPooling.max(c.input().dim(1));
    }

    @Override
    public String summary() {
        return kind();
    }
}
