package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Recurrence;
import org.layerlab.engine.ops.Gru;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ParameterSpec;

/**
 * Keras 3's GRU on (time, features) with reset_after=True, its default: kernel (F, 3u),
 * recurrent_kernel (u, 3u), bias (2, 3u) (input bias, then recurrent bias), gates z, r, h; see
 * {@link Gru}. Keras 2's reset_after=False form is not offered.
 */
public record GRU(int units, Activation activation, Activation recurrentActivation, boolean useBias,
                  Initializer kernelInitializer, Initializer recurrentInitializer, Initializer biasInitializer,
                  boolean returnSequences, boolean goBackwards, double dropout, double recurrentDropout)
        implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("GRU", GRU.class, LayerCategory.SEQUENCE)
            .describe("A recurrent layer with an update and a reset gate: nearly an LSTM's memory with fewer weights.",
                    "h' = z⊙h + (1−z)⊙tanh(x·W_h + r⊙(h·U_h + b_h))")
            .param(Recurrent.UNITS)
            .param(Recurrent.activation(Activation.TANH, "The function of the candidate state."))
            .param(Recurrent.recurrentActivation())
            .param(Recurrent.USE_BIAS)
            .param(Recurrent.KERNEL_INITIALIZER)
            .param(Recurrent.RECURRENT_INITIALIZER)
            .param(Recurrent.BIAS_INITIALIZER)
            .param(Recurrent.RETURN_SEQUENCES)
            .param(Recurrent.GO_BACKWARDS)
            .param(Recurrent.DROPOUT)
            .param(Recurrent.RECURRENT_DROPOUT)
            .example(() -> new GRU(32))
            .build();

    public GRU {
        Checks.positive("GRU", "units", units);
        Checks.inRange("GRU", "dropout", dropout, 0, 1);
        Checks.inRange("GRU", "recurrent_dropout", recurrentDropout, 0, 1);
        Checks.notNull("GRU", "activation", activation);
        Checks.notNull("GRU", "recurrentActivation", recurrentActivation);
        Checks.notNull("GRU", "kernelInitializer", kernelInitializer);
        Checks.notNull("GRU", "recurrentInitializer", recurrentInitializer);
        Checks.notNull("GRU", "biasInitializer", biasInitializer);
        Recurrent.requireElementwise("GRU", "activation", activation);
        Recurrent.requireElementwise("GRU", "recurrent_activation", recurrentActivation);
    }

    public GRU(int units, Activation activation, Activation recurrentActivation, boolean useBias,
               Initializer kernelInitializer, Initializer recurrentInitializer, Initializer biasInitializer,
               boolean returnSequences, boolean goBackwards) {
        this(units, activation, recurrentActivation, useBias, kernelInitializer, recurrentInitializer, biasInitializer,
                returnSequences, goBackwards, 0.0, 0.0);
    }

    public GRU(int units) {
        this(units, false);
    }

    public GRU(int units, boolean returnSequences) {
        this(units, Activation.TANH, Activation.SIGMOID, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL,
                Initializer.ZEROS, returnSequences, false);
    }

    @Override
    public boolean passesMask() {
        return returnSequences;
    }

    @Override
    public String kind() {
        return "GRU";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Recurrent.outputShape(kind(), inputs, units, returnSequences);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        return Recurrent.parameters(inputs, 3, units, kernelInitializer, recurrentInitializer, useBias, biasInitializer,
                new int[] {2, 3 * units});
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        return Recurrent.runtime(c, parameters(c.inputShapes()), op(), dropout, recurrentDropout);
    }

    /** The engine's cell for this spec (its own buffers: one per runtime). */
    Recurrence op() {
        return new Gru(units, activation.function(), activation.alpha(), recurrentActivation.function(),
                recurrentActivation.alpha(), returnSequences, goBackwards);
    }

    @Override
    public String summary() {
        return "GRU " + units + (returnSequences ? " seq" : "");
    }
}
