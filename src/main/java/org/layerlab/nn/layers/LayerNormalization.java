package org.layerlab.nn.layers;

import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.LayerNorm;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;

/**
 * Normalizes each position over its last axis (Keras' default), then applies gamma and beta of
 * that axis' size; the same in training and evaluation.
 */
public record LayerNormalization(double epsilon) implements LayerSpec {
    public LayerNormalization {
        Checks.positive("LayerNormalization", "epsilon", epsilon);
    }

    public static final LayerKind KIND = LayerKind.builder("LayerNormalization", LayerNormalization.class,
                    LayerCategory.NORMALIZATION)
            .describe("Normalizes each sample over its features.", "y = γ·(x − mean)/√(var + ε) + β")
            .param(LayerParam.optional("epsilon", ParamType.FLOAT, 1e-3, "Added to the variance to avoid dividing by zero.")
                    .range(Double.MIN_VALUE, 1))
            .example(LayerNormalization::new)
            .build();

    /** Keras default epsilon 0.001. */
    public LayerNormalization() {
        this(1e-3);
    }

    @Override
    public boolean passesMask() {
        return true;
    }

    @Override
    public String kind() {
        return "LayerNormalization";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        int last = inputs.get(0).last();
        return List.of(ParameterSpec.trainable("gamma", new int[] {last}, Initializer.of(Initializer.Kind.ONES), last, last,
                null), ParameterSpec.trainable("beta", new int[] {last}, Initializer.ZEROS, last, last, null));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        int last = c.input().last();
        int rowsPerSample = c.input().size() / last;
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        Parameter gamma = p.get("gamma");
        Parameter beta = p.get("beta");
        return new LayerRuntime() {
            /** Each row's mean and 1/√(var + ε), kept from forward for backward. */
            private float[][] stats = new float[2][0];

            @Override
            public void allocate(int batchCapacity) {
                stats = new float[2][batchCapacity * rowsPerSample];
            }

            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                LayerNorm.forward(inputs[0], gamma.value(), beta.value(), output, epsilon, stats);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                LayerNorm.backward(inputs[0], gradOutput, gamma.value(), gradInputs[0], gamma.grad(), beta.grad(),
                        stats);
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(gamma, beta);
            }
        };
    }

    @Override
    public String summary() {
        return "LayerNormalization";
    }
}
