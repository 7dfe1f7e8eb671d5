package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Recurrence;
import org.layerlab.engine.ops.SimpleRnn;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ParameterSpec;

/** Keras' SimpleRNN on (time, features): kernel (F, u), recurrent_kernel (u, u), bias (u); see {@link SimpleRnn}. */
public record SimpleRNN(int units, Activation activation, boolean useBias, Initializer kernelInitializer,
                        Initializer recurrentInitializer, Initializer biasInitializer, boolean returnSequences,
                        boolean goBackwards, double dropout, double recurrentDropout) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("SimpleRNN", SimpleRNN.class, LayerCategory.SEQUENCE)
            .describe("The plain recurrent layer: each step mixes the input with the previous state."
                    + " Gradients fade over long sequences, which LSTM and GRU were made to fix.",
                    "h' = tanh(x·W + h·U + b)")
            .param(Recurrent.UNITS)
            .param(Recurrent.activation(Activation.TANH, "The function of the new state."))
            .param(Recurrent.USE_BIAS)
            .param(Recurrent.KERNEL_INITIALIZER)
            .param(Recurrent.RECURRENT_INITIALIZER)
            .param(Recurrent.BIAS_INITIALIZER)
            .param(Recurrent.RETURN_SEQUENCES)
            .param(Recurrent.GO_BACKWARDS)
            .param(Recurrent.DROPOUT)
            .param(Recurrent.RECURRENT_DROPOUT)
            .example(() -> new SimpleRNN(32))
            .build();

    public SimpleRNN {
        Checks.positive("SimpleRNN", "units", units);
        Checks.inRange("SimpleRNN", "dropout", dropout, 0, 1);
        Checks.inRange("SimpleRNN", "recurrent_dropout", recurrentDropout, 0, 1);
        Checks.notNull("SimpleRNN", "activation", activation);
        Checks.notNull("SimpleRNN", "kernelInitializer", kernelInitializer);
        Checks.notNull("SimpleRNN", "recurrentInitializer", recurrentInitializer);
        Checks.notNull("SimpleRNN", "biasInitializer", biasInitializer);
        Recurrent.requireElementwise("SimpleRNN", "activation", activation);
    }

    public SimpleRNN(int units, Activation activation, boolean useBias, Initializer kernelInitializer,
                     Initializer recurrentInitializer, Initializer biasInitializer, boolean returnSequences,
                     boolean goBackwards) {
        this(units, activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer, returnSequences,
                goBackwards, 0.0, 0.0);
    }

    public SimpleRNN(int units) {
        this(units, Activation.TANH, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL, Initializer.ZEROS, false,
                false);
    }

    public SimpleRNN withReturnSequences() {
        return new SimpleRNN(units, activation, useBias, kernelInitializer, recurrentInitializer, biasInitializer, true,
                goBackwards, dropout, recurrentDropout);
    }

    @Override
    public boolean passesMask() {
        return returnSequences;
    }

    @Override
    public String kind() {
        return "SimpleRNN";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Recurrent.outputShape(kind(), inputs, units, returnSequences);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        return Recurrent.parameters(inputs, 1, units, kernelInitializer, recurrentInitializer, useBias, biasInitializer,
                new int[] {units});
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        return Recurrent.runtime(c, parameters(c.inputShapes()), op(), dropout, recurrentDropout);
    }

    /** The engine's cell for this spec (its own buffers: one per runtime). */
    Recurrence op() {
        return new SimpleRnn(units, activation.function(), activation.alpha(), returnSequences, goBackwards);
    }

    @Override
    public String summary() {
        return "SimpleRNN " + units + (returnSequences ? " seq" : "");
    }
}
