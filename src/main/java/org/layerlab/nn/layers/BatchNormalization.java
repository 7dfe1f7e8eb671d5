package org.layerlab.nn.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.BatchNorm;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;

/**
 * Normalizes each channel (last axis) with the batch's statistics while training and with moving
 * averages in evaluation, then scales by gamma and shifts by beta. Parameters as Keras counts
 * them: gamma, beta (trainable), moving_mean, moving_variance (not trainable), C each.
 */
public record BatchNormalization(double momentum, double epsilon, boolean center, boolean scale) implements LayerSpec {
    public BatchNormalization {
        Checks.inRange("BatchNormalization", "momentum", momentum, 0, 1);
        Checks.positive("BatchNormalization", "epsilon", epsilon);
    }

    public static final LayerKind KIND = LayerKind.builder("BatchNormalization", BatchNormalization.class,
                    LayerCategory.NORMALIZATION)
            .describe("Normalizes each channel with batch statistics (moving averages at inference); speeds training.",
                    "y = γ·(x − μ)/√(σ² + ε) + β")
            .param(LayerParam.optional("momentum", ParamType.FLOAT, 0.99,
                    "How slowly the moving mean and variance follow the batches (closer to 1: slower).").range(0, 1))
            .param(LayerParam.optional("epsilon", ParamType.FLOAT, 1e-3, "Added to the variance to avoid dividing by zero.")
                    .range(Double.MIN_VALUE, 1))
            .param(LayerParam.optional("center", ParamType.BOOL, true, "Learn an offset β per channel."))
            .param(LayerParam.optional("scale", ParamType.BOOL, true, "Learn a scale γ per channel."))
            .example(BatchNormalization::new)
            .build();

    /** Keras defaults: momentum 0.99, epsilon 0.001, center and scale on. */
    public BatchNormalization() {
        this(0.99, 1e-3, true, true);
    }

    @Override
    public String kind() {
        return "BatchNormalization";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return inputs.get(0);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        int ch = inputs.get(0).last();
        List<ParameterSpec> out = new ArrayList<>();
        if (scale) {
            out.add(ParameterSpec.trainable("gamma", new int[] {ch}, Initializer.of(Initializer.Kind.ONES), ch, ch, null));
        }
        if (center) {
            out.add(ParameterSpec.trainable("beta", new int[] {ch}, Initializer.ZEROS, ch, ch, null));
        }
        out.add(ParameterSpec.state("moving_mean", new int[] {ch}, 0f));
        out.add(ParameterSpec.state("moving_variance", new int[] {ch}, 1f));
        return out;
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        Map<String, Parameter> p = c.parameters(parameters(c.inputShapes()));
        return new Runtime(p.get("gamma"), p.get("beta"), p.get("moving_mean"), p.get("moving_variance"), c.input().last());
    }

    @Override
    public String summary() {
        return "BatchNormalization";
    }

    private final class Runtime implements LayerRuntime {
        private final Parameter gamma;
        private final Parameter beta;
        private final Parameter movingMean;
        private final Parameter movingVar;
        private final float[] mean;
        private final float[] invStd;
        private boolean trainedStats;

        Runtime(Parameter gamma, Parameter beta, Parameter movingMean, Parameter movingVar, int channels) {
            this.gamma = gamma;
            this.beta = beta;
            this.movingMean = movingMean;
            this.movingVar = movingVar;
            this.mean = new float[channels];
            this.invStd = new float[channels];
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            trainedStats = training;
            if (training) {
                BatchNorm.forwardTraining(inputs[0], value(gamma), value(beta), output, epsilon, momentum,
                        movingMean.value(), movingVar.value(), mean, invStd);
            } else {
                BatchNorm.forwardInference(inputs[0], value(gamma), value(beta), output, epsilon, movingMean.value(),
                        movingVar.value(), mean, invStd);
            }
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            if (trainedStats) {
                BatchNorm.backward(inputs[0], gradOutput, value(gamma), gradInputs[0], grad(gamma), grad(beta), mean, invStd);
            } else if (gradInputs[0] != null) {
                BatchNorm.backwardInference(gradOutput, value(gamma), gradInputs[0], invStd);
            }
        }

        @Override
        public List<Parameter> parameters() {
            return gamma == null ? (beta == null ? List.of() : List.of(beta))
                    : beta == null ? List.of(gamma) : List.of(gamma, beta);
        }
    }

    static Tensor value(Parameter p) {
        return p == null ? null : p.value();
    }

    static Tensor grad(Parameter p) {
        return p == null ? null : p.grad();
    }
}
