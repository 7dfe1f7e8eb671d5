package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.SplitMix;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.LayerRuntime;

/**
 * Sets a fraction {@code rate} of inputs to zero while training and scales the rest by
 * 1 / (1 − rate); passes inputs through unchanged in evaluation. Masks are drawn from the network
 * seed and the node id, so the same seed gives the same masks.
 */
public record Dropout(double rate) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("Dropout", Dropout.class, LayerCategory.REGULARIZATION)
            .describe("While training, zeroes a share of values at random to fight overfitting.",
                    "y = x·m/(1 − rate), m ~ Bernoulli(1 − rate)")
            .param(LayerParam.required("rate", ParamType.FLOAT, "The share of values set to zero while training (0 to 1).")
                    .range(0, 1))
            .example(() -> new Dropout(0.5))
            .build();

    public Dropout {
        Checks.inRange("Dropout", "rate", rate, 0, 1);
    }

    @Override
    public boolean passesMask() {
        return true;
    }

    @Override
    public String kind() {
        return "Dropout";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        return new Runtime(rate, SplitMix.mix(c.seed() ^ c.nodeId().hashCode()));
    }

    @Override
    public String summary() {
        return "Dropout " + rate;
    }

    private static final class Runtime implements LayerRuntime {
        private final double rate;
        private long state;
        private byte[] mask = new byte[0];
        private boolean masked;

        Runtime(double rate, long seed) {
            this.rate = rate;
            this.state = seed;
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            Tensor x = inputs[0];
            masked = training && rate > 0;
            if (!masked) {
                output.copyFrom(x);
                return;
            }
            if (mask.length < x.size()) {
                mask = new byte[x.capacityBatch() * x.sampleSize()];
            }
            state = org.layerlab.engine.ops.Dropout.drawMask(mask, x.size(), rate, state);
            org.layerlab.engine.ops.Dropout.forward(x, mask, rate, output);
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            Tensor dx = gradInputs[0];
            if (dx == null) {
                return;
            }
            if (masked) {
                org.layerlab.engine.ops.Dropout.backward(gradOutput, mask, rate, dx);
            } else {
                float[] g = gradOutput.data();
                float[] d = dx.data();
                for (int i = 0, n = gradOutput.size(); i < n; i++) {
                    d[i] += g[i];
                }
            }
        }
    }
}
