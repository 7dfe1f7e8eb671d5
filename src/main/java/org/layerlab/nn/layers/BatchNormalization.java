package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.BatchNorm;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;

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
    public long paramCount(List<Shape> inputs) {
        long c = inputs.get(0).last();
        return c * (2 + (center ? 1 : 0) + (scale ? 1 : 0));
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        int ch = c.input().last();
        Parameter gamma = scale ? c.parameter("gamma", new int[] {ch}, Initializer.of(Initializer.Kind.ONES), ch, ch, null) : null;
        Parameter beta = center ? c.parameter("beta", new int[] {ch}, Initializer.ZEROS, ch, ch, null) : null;
        Parameter mean = c.state("moving_mean", new int[] {ch}, 0f);
        Parameter var = c.state("moving_variance", new int[] {ch}, 1f);
        return new Runtime(gamma, beta, mean, var, ch);
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
