package org.layerlab.nn.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Recurrence;
import org.layerlab.engine.ops.SplitMix;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Masks;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.RecurrentLayer;

/**
 * What SimpleRNN, LSTM and GRU share: the (time, features) input check, the output shape, the
 * Keras weights kernel (F, G·u), recurrent_kernel (u, G·u) and bias, the options every one of
 * them has, and the runtime around an engine {@link Recurrence}.
 */
final class Recurrent {
    private Recurrent() {
    }

    static final LayerParam UNITS = LayerParam.required("units", ParamType.INT,
            "The size of the state carried from step to step (and of the output).").range(1, 100_000);
    static final LayerParam USE_BIAS = LayerParam.optional("use_bias", ParamType.BOOL, true,
            "Whether the gates add learned offsets.");
    static final LayerParam KERNEL_INITIALIZER = LayerParam.optional("kernel_initializer", ParamType.INITIALIZER,
            Initializer.GLOROT_UNIFORM, "How the input weights W start.");
    static final LayerParam RECURRENT_INITIALIZER = LayerParam.optional("recurrent_initializer", ParamType.INITIALIZER,
            Initializer.ORTHOGONAL, "How the state-to-state weights U start (orthogonal keeps early gradients steady).");
    static final LayerParam BIAS_INITIALIZER = LayerParam.optional("bias_initializer", ParamType.INITIALIZER,
            Initializer.ZEROS, "How the offsets start.");
    static final LayerParam RETURN_SEQUENCES = LayerParam.optional("return_sequences", ParamType.BOOL, false,
            "Output the state at every step (time, units), for another recurrent layer or a per-step Dense;"
                    + " off: only the last state (units).");
    static final LayerParam DROPOUT = LayerParam.optional("dropout", ParamType.FLOAT, 0.0,
            "Share of each sample's input features dropped while training (the same ones at every step), against"
                    + " overfitting.").range(0, 0.95);
    static final LayerParam RECURRENT_DROPOUT = LayerParam.optional("recurrent_dropout", ParamType.FLOAT, 0.0,
            "Share of the state dropped on its way into each gate while training (a mask per gate, the same at every"
                    + " step), against overfitting of the recurrence itself.").range(0, 0.95);
    static final LayerParam GO_BACKWARDS = LayerParam.optional("go_backwards", ParamType.BOOL, false,
            "Read the sequence from its end; a returned sequence then comes out reversed, as in Keras.");

    static LayerParam activation(Activation defaultValue, String help) {
        return LayerParam.optional("activation", ParamType.ACTIVATION, defaultValue, help);
    }

    static LayerParam recurrentActivation() {
        return LayerParam.optional("recurrent_activation", ParamType.ACTIVATION, Activation.SIGMOID,
                "The function of the gates, which open between 0 and 1.");
    }

    static void requireElementwise(String kind, String option, Activation a) {
        if (a.function().isRowwise()) {
            throw new IllegalArgumentException(kind + ": " + option + " " + a + " works on a whole row, not on each"
                    + " value; choose an elementwise activation such as tanh or sigmoid");
        }
    }

    static Shape outputShape(String kind, List<Shape> inputs, int units, boolean returnSequences) {
        Shape in = Sequences.requireSequence(kind, inputs.get(0));
        return returnSequences ? Shape.of(in.dim(0), units) : Shape.of(units);
    }

    /** kernel, recurrent_kernel and (when used) a bias of the given dims, named and laid out as in Keras. */
    static List<ParameterSpec> parameters(List<Shape> inputs, int gates, int units, Initializer kernel,
                                          Initializer recurrent, boolean useBias, Initializer bias, int[] biasDims) {
        int features = inputs.get(0).last();
        List<ParameterSpec> out = new ArrayList<>();
        out.add(ParameterSpec.trainable("kernel", new int[] {features, gates * units}, kernel, features, gates * units,
                null));
        out.add(ParameterSpec.trainable("recurrent_kernel", new int[] {units, gates * units}, recurrent, units,
                gates * units, null));
        if (useBias) {
            out.add(ParameterSpec.trainable("bias", biasDims, bias, features, gates * units, null));
        }
        return out;
    }

    static LayerRuntime runtime(BuildContext c, List<ParameterSpec> specs, Recurrence op, double dropout,
                                double recurrentDropout) {
        op.setDropout(dropout, SplitMix.mix(c.seed() ^ c.nodeId().hashCode()));
        op.setRecurrentDropout(recurrentDropout, SplitMix.mix(c.seed() ^ (c.nodeId() + "/recurrent").hashCode()));
        Map<String, Parameter> p = c.parameters(specs);
        return new Runtime(op, p.get("kernel"), p.get("recurrent_kernel"), p.get("bias"));
    }

    /** True unless the store already holds this tensor with these dims (trained, or loaded from a file). */
    static boolean isNew(BuildContext c, String name, int[] dims) {
        Parameter kept = c.store().ofNode(c.nodeId()).get(name);
        return kept == null || !Arrays.equals(kept.value().dims(), dims);
    }

    /**
     * unit_forget_bias: the forget block (units..2·units) of an LSTM bias just created starts at 1,
     * so the cell remembers from the first step (Jozefowicz et al., 2015), as Keras does.
     */
    static void forgetGateStartsAtOne(BuildContext c, String name, int units) {
        float[] b = c.store().ofNode(c.nodeId()).get(name).value().data();
        for (int j = units; j < 2 * units; j++) {
            b[j] += 1f;
        }
    }

    private record Runtime(Recurrence op, Parameter kernel, Parameter recurrent, Parameter bias)
            implements LayerRuntime, RecurrentLayer, Masks.User {
        @Override
        public Recurrence recurrence() {
            return op;
        }

        @Override
        public void useMask(byte[] mask) {
            op.setMask(mask);
        }

        @Override
        public void forward(Tensor[] inputs, Tensor output, boolean training) {
            op.forward(inputs[0], kernel.value(), recurrent.value(), bias == null ? null : bias.value(), output, training);
        }

        @Override
        public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
            op.backward(inputs[0], kernel.value(), recurrent.value(), gradOutput, gradInputs[0], kernel.grad(),
                    recurrent.grad(), bias == null ? null : bias.grad());
        }

        @Override
        public List<Parameter> parameters() {
            return bias == null ? List.of(kernel, recurrent) : List.of(kernel, recurrent, bias);
        }
    }
}
