package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Recurrence;
import org.layerlab.engine.ops.Lstm;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Checks;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ParameterSpec;

/**
 * Keras' LSTM on (time, features): kernel (F, 4u), recurrent_kernel (u, 4u), bias (4u), gates in
 * Keras order i, f, c, o (see {@link Lstm} for the cell and how PyTorch and ONNX differ). With
 * unit_forget_bias the forget gate's bias starts at 1, so the cell remembers from the first step
 * (Jozefowicz et al., 2015), as Keras does.
 */
public record LSTM(int units, Activation activation, Activation recurrentActivation, boolean useBias,
                   Initializer kernelInitializer, Initializer recurrentInitializer, Initializer biasInitializer,
                   boolean unitForgetBias, boolean returnSequences, boolean goBackwards, double dropout,
                   double recurrentDropout) implements LayerSpec {
    public static final LayerKind KIND = LayerKind.builder("LSTM", LSTM.class, LayerCategory.SEQUENCE)
            .describe("A recurrent layer with a memory cell and gates that learn what to keep, forget and output:"
                    + " the classic model of long sequences.",
                    "c' = f⊙c + i⊙tanh(x·W_c + h·U_c + b_c);  h' = o⊙tanh(c')")
            .param(Recurrent.UNITS)
            .param(Recurrent.activation(Activation.TANH, "The function of the candidate cell value and of the output."))
            .param(Recurrent.recurrentActivation())
            .param(Recurrent.USE_BIAS)
            .param(Recurrent.KERNEL_INITIALIZER)
            .param(Recurrent.RECURRENT_INITIALIZER)
            .param(Recurrent.BIAS_INITIALIZER)
            .param(LayerParam.optional("unit_forget_bias", ParamType.BOOL, true,
                    "Start the forget gate's bias at 1, so the cell keeps its memory early in training."))
            .param(Recurrent.RETURN_SEQUENCES)
            .param(Recurrent.GO_BACKWARDS)
            .param(Recurrent.DROPOUT)
            .param(Recurrent.RECURRENT_DROPOUT)
            .example(() -> new LSTM(32))
            .build();

    public LSTM {
        Checks.positive("LSTM", "units", units);
        Checks.inRange("LSTM", "dropout", dropout, 0, 1);
        Checks.inRange("LSTM", "recurrent_dropout", recurrentDropout, 0, 1);
        Checks.notNull("LSTM", "activation", activation);
        Checks.notNull("LSTM", "recurrentActivation", recurrentActivation);
        Checks.notNull("LSTM", "kernelInitializer", kernelInitializer);
        Checks.notNull("LSTM", "recurrentInitializer", recurrentInitializer);
        Checks.notNull("LSTM", "biasInitializer", biasInitializer);
        Recurrent.requireElementwise("LSTM", "activation", activation);
        Recurrent.requireElementwise("LSTM", "recurrent_activation", recurrentActivation);
    }

    /** With Keras' defaults. */
    public LSTM(int units, Activation activation, Activation recurrentActivation, boolean useBias,
                Initializer kernelInitializer, Initializer recurrentInitializer, Initializer biasInitializer,
                boolean unitForgetBias, boolean returnSequences, boolean goBackwards) {
        this(units, activation, recurrentActivation, useBias, kernelInitializer, recurrentInitializer, biasInitializer,
                unitForgetBias, returnSequences, goBackwards, 0.0, 0.0);
    }

    public LSTM(int units) {
        this(units, false);
    }

    public LSTM(int units, boolean returnSequences) {
        this(units, Activation.TANH, Activation.SIGMOID, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL,
                Initializer.ZEROS, true, returnSequences, false);
    }

    @Override
    public boolean passesMask() {
        return returnSequences;
    }

    @Override
    public String kind() {
        return "LSTM";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return Recurrent.outputShape(kind(), inputs, units, returnSequences);
    }

    @Override
    public List<ParameterSpec> parameters(List<Shape> inputs) {
        return Recurrent.parameters(inputs, 4, units, kernelInitializer, recurrentInitializer, useBias, biasInitializer,
                new int[] {4 * units});
    }

    @Override
    public LayerRuntime build(BuildContext c) {
        outputShape(c.inputShapes());
        List<ParameterSpec> specs = parameters(c.inputShapes());
        boolean fresh = Recurrent.isNew(c, "bias", new int[] {4 * units});
        LayerRuntime rt = Recurrent.runtime(c, specs, op(), dropout, recurrentDropout);
        if (unitForgetBias && useBias && fresh) {
            Recurrent.forgetGateStartsAtOne(c, "bias", units);
        }
        return rt;
    }

    /** The engine's cell for this spec (its own buffers: one per runtime). */
    Recurrence op() {
        return new Lstm(units, activation.function(), activation.alpha(), recurrentActivation.function(),
                recurrentActivation.alpha(), returnSequences, goBackwards);
    }

    @Override
    public String summary() {
        return "LSTM " + units + (returnSequences ? " seq" : "");
    }
}
