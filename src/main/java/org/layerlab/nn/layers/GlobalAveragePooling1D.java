package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;

/** The mean of each feature over all steps, or over the real ones under a mask (Keras): (N, T, C) → (N, C). */
public record GlobalAveragePooling1D() implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("GlobalAveragePooling1D", GlobalAveragePooling1D.class, LayerCategory.POOLING)
            .describe("One value per feature: the mean over all time steps.", "y[c] = mean over t of x[t,c]")
            .example(GlobalAveragePooling1D::new)
            .build();

    @Override
    public String kind() {
        return "GlobalAveragePooling1D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Shape.of(Sequences.requireSequence(kind(), inputs.get(0)).dim(1));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        Shape in = Sequences.requireSequence(kind(), c.input());
        return GlobalPooling.maskedAverage(in.dim(0), in.dim(1));
    }

    @Override
    public String summary() {
        return kind();
    }
}
