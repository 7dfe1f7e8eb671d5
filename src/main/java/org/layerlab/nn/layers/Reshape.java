package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ShapeException;

/** Gives each sample a new shape with the same number of values, e.g. (784) → (28, 28, 1). */
public record Reshape(Shape targetShape) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("Reshape", Reshape.class, LayerCategory.RESHAPE)
            .describe("Gives each sample a new shape with the same number of values.", "(784) → (28, 28, 1)")
            .param(LayerParam.required("target_shape", ParamType.SHAPE, "The new shape of one sample, without the batch."))
            .example(() -> Reshape.of(28, 28, 1))
            .build();

    public Reshape {
        Checks.notNull("Reshape", "targetShape", targetShape);
    }

    public static Reshape of(int... dims) {
        return new Reshape(Shape.of(dims));
    }

    @Override
    public String kind() {
        return "Reshape";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = inputs.get(0);
        if (in.size() != targetShape.size()) {
            throw new ShapeException("Reshape to " + targetShape + " needs " + targetShape.size() + " values per sample but "
                    + "receives " + in + " with " + in.size() + ": choose a target shape whose sizes multiply to " + in.size());
        }
        return targetShape;
    }

    @Override
    public LayerRuntime build(BuildContext context) {
        outputShape(context.inputShapes());
        return new CopyRuntime();
    }

    @Override
    public String summary() {
        return "Reshape " + targetShape;
    }
}
