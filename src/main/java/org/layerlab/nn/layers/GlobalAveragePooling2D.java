package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.GlobalPool;
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
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                GlobalPool.averageForward(inputs[0], output);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    GlobalPool.averageBackward(gradOutput, gradInputs[0]);
                }
            }
        };
    }

    @Override
    public String summary() {
        return kind();
    }
}
