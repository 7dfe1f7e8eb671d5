package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Dropout;
import org.layerlab.engine.ops.SplitMix;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;

/**
 * Dropout of whole feature maps: while training, each channel of each image is kept (scaled by
 * 1 / (1 − rate)) or zeroed everywhere, since neighbouring pixels are too correlated for
 * element-wise dropout to regularize. Input (N, H, W, C), unchanged shape.
 */
public record SpatialDropout2D(double rate) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("SpatialDropout2D", SpatialDropout2D.class, LayerCategory.REGULARIZATION)
            .describe("Drops whole feature maps while training.", "y[..,c] = x[..,c]·m[c]/(1 − rate)")
            .param(LayerParam.required("rate", ParamType.FLOAT, "The share of feature maps set to zero while training (0 to 1).")
                    .range(0, 1))
            .example(() -> new SpatialDropout2D(0.2))
            .build();

    public SpatialDropout2D {
        Checks.inRange("SpatialDropout2D", "rate", rate, 0, 1);
    }

    @Override
    public String kind() {
        return "SpatialDropout2D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Images.requireImage(kind(), inputs.get(0));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        Shape in = outputShape(c.inputShapes());
        int channels = in.dim(2);
        int pixels = in.dim(0) * in.dim(1);
        long seed = SplitMix.mix(c.seed() ^ c.nodeId().hashCode());
        return new LayerRuntime() {
            private long state = seed;
            private byte[] channelMask = new byte[0];
            private byte[] mask = new byte[0];
            private boolean masked;

            @Override
            public void allocate(int batchCapacity) {
                channelMask = new byte[batchCapacity * channels];
                mask = new byte[batchCapacity * channels * pixels];
            }

            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                masked = training && rate > 0;
                if (!masked) {
                    output.copyFrom(inputs[0]);
                    return;
                }
                int n = inputs[0].batch();
                state = Dropout.drawMask(channelMask, n * channels, rate, state);
                for (int b = 0; b < n; b++) {
                    for (int p = 0; p < pixels; p++) {
                        System.arraycopy(channelMask, b * channels, mask, (b * pixels + p) * channels, channels);
                    }
                }
                Dropout.forward(inputs[0], mask, rate, output);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] == null) {
                    return;
                }
                if (masked) {
                    Dropout.backward(gradOutput, mask, rate, gradInputs[0]);
                } else {
                    new CopyRuntime().backward(inputs, output, gradOutput, gradInputs);
                }
            }
        };
    }

    @Override
    public String summary() {
        return "SpatialDropout2D " + rate;
    }
}
