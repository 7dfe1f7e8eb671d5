package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Upsample;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Size2;

/**
 * Enlarges images by whole factors: (N, H, W, C) → (N, H·sh, W·sw, C), the decoder's and the
 * generator's way up (with a Conv2D after it, the alternative to Conv2DTranspose). Keras' names
 * and defaults: size (2, 2), interpolation "nearest" or "bilinear" (half-pixel centres).
 */
public record UpSampling2D(Size2 size, String interpolation) implements LayerSpec {
    private static final List<String> INTERPOLATIONS = List.of("nearest", "bilinear");

    public static final LayerKind KIND = LayerKind.builder("UpSampling2D", UpSampling2D.class, LayerCategory.RESHAPE)
            .describe("Enlarges images by repeating (nearest) or blending (bilinear) pixels: decoders and generators.",
                    "y[i, j] = x[i / sh, j / sw]")
            .param(LayerParam.optional("size", ParamType.SIZE2, Size2.square(2), "How many times taller and wider.")
                    .range(1, 16))
            .param(LayerParam.choice("interpolation", "nearest", INTERPOLATIONS,
                    "nearest: each pixel becomes a block; bilinear: smooth blends between pixels."))
            .example(() -> new UpSampling2D(Size2.square(2), "nearest"))
            .build();

    public UpSampling2D {
        Checks.notNull("UpSampling2D", "size", size);
        if (!INTERPOLATIONS.contains(interpolation)) {
            throw new IllegalArgumentException("UpSampling2D: interpolation must be nearest or bilinear. Received: "
                    + "interpolation=" + interpolation);
        }
    }

    @Override
    public String kind() {
        return "UpSampling2D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Images.requireImage("UpSampling2D", inputs.get(0));
        return Shape.of(in.dim(0) * size.h(), in.dim(1) * size.w(), in.dim(2));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        boolean bilinear = interpolation.equals("bilinear");
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                Upsample.forward(inputs[0], output, size.h(), size.w(), bilinear);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    Upsample.backward(gradOutput, gradInputs[0], size.h(), size.w(), bilinear);
                }
            }
        };
    }

    @Override
    public String summary() {
        return "UpSampling2D " + size + (interpolation.equals("nearest") ? "" : " " + interpolation);
    }
}
