package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.GlobalPool;
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
        int channels = c.input().dim(2);
        return new LayerRuntime() {
            private int[] argMax = new int[0];

            @Override
            public void allocate(int batchCapacity) {
                argMax = new int[batchCapacity * channels];
            }

            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                GlobalPool.maxForward(inputs[0], output, argMax);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    GlobalPool.maxBackward(gradOutput, gradInputs[0], argMax);
                }
            }
        };
    }

    @Override
    public String summary() {
        return kind();
    }
}
