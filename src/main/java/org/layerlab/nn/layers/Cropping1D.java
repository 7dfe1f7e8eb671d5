package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Ends;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ShapeException;

/**
 * Steps cut off a sequence's start and end, Keras' Cropping1D: (N, T, F) → (N, T−s−e, F). With
 * (T−1, 0) it keeps the last step alone: what a causal Transformer's next-token head reads, where
 * Keras code writes x[:, -1, :]. Keras' default cropping is (1, 1).
 */
public record Cropping1D(Ends cropping) implements LayerSpec {
    public Cropping1D {
        Checks.notNull("Cropping1D", "cropping", cropping);
    }

    public static final LayerKind KIND = LayerKind.builder("Cropping1D", Cropping1D.class, LayerCategory.RESHAPE)
            .describe("Cuts steps off the start and the end of a sequence; (T−1, 0) keeps only the last step.",
                    "y = x[s : T−e]")
            .param(LayerParam.optional("cropping", ParamType.ENDS, Ends.of(1), "Steps off the start and off the end."))
            .example(() -> new Cropping1D(Ends.of(1)))
            .build();

    @Override
    public String kind() {
        return "Cropping1D";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        Shape in = Sequences.requireSequence("Cropping1D", inputs.get(0));
        int steps = in.dim(0) - cropping.total();
        if (steps < 1) {
            throw new ShapeException("Cropping1D " + cropping + " would leave nothing of " + in.dim(0) + " steps: crop"
                    + " less (at most " + (in.dim(0) - 1) + " in all)");
        }
        return Shape.of(steps, in.dim(1));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                Tensor x = inputs[0];
                int rows = x.dim(1);
                int keep = output.dim(1) * output.dim(2);
                for (int b = 0; b < x.batch(); b++) {
                    System.arraycopy(x.data(), (b * rows + cropping.start()) * x.dim(2), output.data(), b * keep, keep);
                }
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                Tensor dx = gradInputs[0];
                if (dx == null) {
                    return;
                }
                // The cut-off steps had no effect: only the window gets gradient.
                int rows = dx.dim(1);
                int keep = gradOutput.dim(1) * gradOutput.dim(2);
                float[] g = gradOutput.data();
                float[] d = dx.data();
                for (int b = 0; b < gradOutput.batch(); b++) {
                    int to = (b * rows + cropping.start()) * dx.dim(2);
                    for (int i = 0; i < keep; i++) {
                        d[to + i] += g[b * keep + i];
                    }
                }
            }
        };
    }

    @Override
    public String summary() {
        return "Cropping1D " + cropping;
    }
}
