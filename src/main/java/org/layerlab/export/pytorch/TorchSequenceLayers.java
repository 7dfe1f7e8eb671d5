package org.layerlab.export.pytorch;

import static org.layerlab.export.pytorch.TorchActivations.py;
import static org.layerlab.export.pytorch.TorchCoreLayers.pyBool;

import java.util.Arrays;
import java.util.List;

import org.layerlab.engine.Tensor;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.Layouts;
import org.layerlab.nn.Activation;
import org.layerlab.nn.layers.Bidirectional;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.GRU;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.layers.MultiHeadAttention;
import org.layerlab.nn.layers.PositionalEmbedding;
import org.layerlab.nn.layers.SimpleRNN;

/**
 * Embeddings, recurrent layers and attention in PyTorch. Token ids arrive as floats (as LayerLab
 * feeds them) and are turned to integers with {@code .long()}.
 *
 * <p>PyTorch's LSTM orders its gates i, f, g, o as Keras does (i, f, c, o), its GRU r, z, n against
 * Keras' z, r, h, and its GRU is Keras 3's {@code reset_after=True}. PyTorch keeps two biases where
 * Keras' LSTM and SimpleRNN keep one: the recurrent one is written as zeros (they only ever add).
 * PyTorch's recurrent layers have fixed activations (tanh and sigmoid; SimpleRNN tanh or relu), so
 * others are refused. Keras' {@code dropout} on a recurrent layer's input uses one mask per
 * sequence; the export drops values per step (F.dropout), which matters only when training.
 * PyTorch's recurrent layers have no {@code recurrent_dropout} at all: the exported model is the
 * same in evaluation, and train.py trains it without (the README says so).
 * Where a padding mask reaches a recurrent layer, the export steps PyTorch's cell itself
 * ({@code masked_recurrence}): the state stays as it was over padding, as in Keras.
 */
final class TorchSequenceLayers {
    /** PyTorch's GRU gate r, z, n is Keras' gate 1, 0, 2. */
    private static final int[] GRU_GATES = {1, 0, 2};

    private TorchSequenceLayers() {
    }

    static final TorchLayer<Embedding> EMBEDDING = (c, s) -> {
        c.weight("weight", c.tensor("embeddings"));
        return c.submodule("nn.Embedding(" + s.inputDim() + ", " + s.outputDim() + ")") + "(" + c.input() + ".long())";
    };

    static final TorchLayer<PositionalEmbedding> POSITIONAL_EMBEDDING = (c, s) -> {
        c.module().use(TorchHelpers.POSITIONAL_EMBEDDING);
        c.weight("token_embeddings.weight", c.tensor("token_embeddings"));
        c.weight("position_embeddings.weight", c.tensor("position_embeddings"));
        return c.submodule("PositionalEmbedding(" + s.sequenceLength() + ", " + s.inputDim() + ", " + s.outputDim() + ")")
                + "(" + c.input() + ".long())";
    };

    static final TorchLayer<LSTM> LSTM_LAYER = new TorchLayer<>() {
        @Override
        public String emit(TorchLayer.Context c, LSTM s) {
            return recurrent(c, "nn.LSTM", null, s.units(), s.returnSequences(), s.goBackwards(), s.dropout(), s.useBias());
        }

        @Override
        public String problem(LSTM s, ExportPlan.Step step, boolean masked) {
            return fixed("LSTM", s.activation(), s.recurrentActivation());
        }
    };

    static final TorchLayer<GRU> GRU_LAYER = new TorchLayer<>() {
        @Override
        public String emit(TorchLayer.Context c, GRU s) {
            return recurrent(c, "nn.GRU", null, s.units(), s.returnSequences(), s.goBackwards(), s.dropout(), s.useBias());
        }

        @Override
        public String problem(GRU s, ExportPlan.Step step, boolean masked) {
            return fixed("GRU", s.activation(), s.recurrentActivation());
        }
    };

    static final TorchLayer<SimpleRNN> SIMPLE_RNN = new TorchLayer<>() {
        @Override
        public String emit(TorchLayer.Context c, SimpleRNN s) {
            String nonlinearity = s.activation().equals(Activation.RELU) ? "relu" : "tanh";
            return recurrent(c, "nn.RNN", nonlinearity, s.units(), s.returnSequences(), s.goBackwards(), s.dropout(),
                    s.useBias());
        }

        @Override
        public String problem(SimpleRNN s, ExportPlan.Step step, boolean masked) {
            return s.activation().equals(Activation.TANH) || s.activation().equals(Activation.RELU) ? null
                    : "PyTorch's RNN has tanh or relu only, not " + s.activation();
        }
    };

    static final TorchLayer<Bidirectional> BIDIRECTIONAL = new TorchLayer<>() {
        @Override
        public String emit(TorchLayer.Context c, Bidirectional s) {
            String type = switch (s.layer()) {
                case "LSTM" -> "nn.LSTM";
                case "GRU" -> "nn.GRU";
                default -> "nn.RNN";
            };
            int u = s.units();
            int[] order = type.equals("nn.GRU") ? GRU_GATES : null;
            c.module().use(TorchHelpers.BIDIRECTIONAL);
            String merge = ", \"" + s.mergeMode() + "\")";
            if (c.mask() != null) {
                // Padding: each direction steps a cell itself, keeping its state over padding as Keras does.
                String f = cell(c, type, c.name() + "_forward", "forward/", u, order, null, true);
                String b = cell(c, type, c.name() + "_backward", "backward/", u, order, null, true);
                String seq = pyBool(s.returnSequences());
                String backward = "masked_recurrence(" + b + ", " + c.input() + ", " + c.mask() + ", True, " + seq + ")";
                return "merge_directions(masked_recurrence(" + f + ", " + c.input() + ", " + c.mask() + ", False, " + seq
                        + "), " + (s.returnSequences() ? backward + ".flip(1)" : backward) + merge;
            }
            weights(c, "forward/", c.name(), "_l0", u, order);
            weights(c, "backward/", c.name(), "_l0_reverse", u, order);
            String rnn = c.submodule(type + "(" + c.inputShape().last() + ", " + u + ", batch_first=True, bidirectional=True)");
            return "bidirectional(" + rnn + "(" + c.input() + ")[0], " + u + ", " + pyBool(s.returnSequences()) + merge;
        }
    };

    /** Keras' weights of (query, key, value, output) projections as the four nn.Linear of the helper module. */
    static final TorchLayer<MultiHeadAttention> MULTI_HEAD_ATTENTION = (c, s) -> {
        c.module().use(TorchHelpers.MULTI_HEAD_ATTENTION);
        int[] features = new int[3];
        for (int i = 0; i < 3; i++) {
            int port = i < c.inputs().size() ? i : (i == 2 ? (c.inputs().size() > 1 ? 1 : 0) : 0);
            features[i] = c.step().inputShapes().get(port).last();
        }
        Tensor wo = c.tensor("attention_output/kernel");
        int valueDim = wo.dim(1);
        for (String p : List.of("query", "key", "value")) {
            Tensor k = c.tensor(p + "/kernel");
            c.weight(p + ".weight", Layouts.transpose(Tensor.wrap(k.data(), k.dim(0), k.dim(1) * k.dim(2))));
            if (c.hasWeight(p + "/bias")) {
                Tensor b = c.tensor(p + "/bias");
                c.weight(p + ".bias", Tensor.wrap(b.data(), b.size()));
            }
        }
        c.weight("attention_output.weight", Layouts.transpose(Tensor.wrap(wo.data(), wo.dim(0) * wo.dim(1), wo.dim(2))));
        if (c.hasWeight("attention_output/bias")) {
            c.weight("attention_output.bias", c.tensor("attention_output/bias"));
        }
        String attention = c.submodule("MultiHeadAttention(heads=" + s.numHeads() + ", key_dim=" + s.keyDim()
                + ", value_dim=" + valueDim + ", query_dim=" + features[0] + ", key_features=" + features[2]
                + ", value_features=" + features[1] + ", output_dim=" + wo.dim(2) + ", bias=" + pyBool(s.useBias())
                + ", causal=" + pyBool(s.useCausalMask()) + (s.dropout() > 0 ? ", dropout=" + s.dropout() : "") + ")");
        String mask = c.keyMask() != null ? ", key_mask=" + c.keyMask() : "";
        return attention + "(" + String.join(", ", c.inputs()) + mask + ")";
    };

    private static String fixed(String layer, Activation activation, Activation recurrent) {
        return activation.equals(Activation.TANH) && recurrent.equals(Activation.SIGMOID) ? null
                : "PyTorch's " + layer + " has tanh and sigmoid built in, not " + activation + " and " + recurrent;
    }

    private static String recurrent(TorchLayer.Context c, String type, String nonlinearity, int units, boolean sequences,
                                    boolean backwards, double dropout, boolean bias) {
        int[] order = type.equals("nn.GRU") ? GRU_GATES : null;
        String x = c.input();
        if (dropout > 0) {
            x = "F.dropout(" + x + ", " + py(dropout) + ", self.training)";
        }
        if (c.mask() != null) {
            // Padding: PyTorch's layers would run through it, so the cell is stepped here, keeping the state over it.
            c.module().use(TorchHelpers.MASKED_RECURRENCE);
            String cell = cell(c, type, c.name(), "", units, order, nonlinearity, bias);
            return "masked_recurrence(" + cell + ", " + x + ", " + c.mask() + ", " + pyBool(backwards) + ", "
                    + pyBool(sequences) + ")";
        }
        weights(c, "", c.name(), "_l0", units, order);
        String rnn = c.submodule(type + "(" + c.inputShape().last() + ", " + units + ", batch_first=True"
                + (nonlinearity == null ? "" : ", nonlinearity=\"" + nonlinearity + "\"") + (bias ? "" : ", bias=False") + ")");
        // go_backwards reads the steps from the end and, as Keras, returns them in that reading order.
        String out = rnn + "(" + x + (backwards ? ".flip(1)" : "") + ")[0]";
        return sequences ? out : out + "[:, -1]";
    }

    /** nn.LSTMCell/GRUCell/RNNCell as submodule name, with the weights of the Keras tensors under prefix; returns "self.name". */
    private static String cell(TorchLayer.Context c, String type, String name, String prefix, int units, int[] order,
                               String nonlinearity, boolean bias) {
        c.module().use(TorchHelpers.MASKED_RECURRENCE);
        weights(c, prefix, name, "", units, order);
        c.module().submodule(name, type + "Cell(" + c.inputShape().last() + ", " + units
                + (nonlinearity == null ? "" : ", nonlinearity=\"" + nonlinearity + "\"") + (bias ? "" : ", bias=False") + ")");
        return "self." + name;
    }

    /** weight_ih/hh and bias_ih/hh of one direction from Keras' kernel, recurrent_kernel and bias under prefix, into module. */
    private static void weights(TorchLayer.Context c, String prefix, String module, String suffix, int units,
                                int[] gateOrder) {
        Tensor kernel = c.tensor(prefix + "kernel");
        Tensor recurrent = c.tensor(prefix + "recurrent_kernel");
        if (gateOrder != null) {
            kernel = Layouts.reorderGates(kernel, units, gateOrder);
            recurrent = Layouts.reorderGates(recurrent, units, gateOrder);
        }
        c.module().weight(module + ".weight_ih" + suffix, Layouts.transpose(kernel));
        c.module().weight(module + ".weight_hh" + suffix, Layouts.transpose(recurrent));
        if (!c.hasWeight(prefix + "bias")) {
            return;
        }
        Tensor bias = c.tensor(prefix + "bias");
        int rows = kernel.dim(1);
        if (bias.size() == 2 * rows) {
            // GRU with reset_after: the input bias, then the recurrent one.
            Tensor input = Tensor.wrap(Arrays.copyOfRange(bias.data(), 0, rows), rows);
            Tensor hidden = Tensor.wrap(Arrays.copyOfRange(bias.data(), rows, 2 * rows), rows);
            c.module().weight(module + ".bias_ih" + suffix, Layouts.reorderGates(input, units, gateOrder));
            c.module().weight(module + ".bias_hh" + suffix, Layouts.reorderGates(hidden, units, gateOrder));
        } else {
            c.module().weight(module + ".bias_ih" + suffix, gateOrder == null ? bias : Layouts.reorderGates(bias, units, gateOrder));
            c.module().weight(module + ".bias_hh" + suffix, Tensor.zeros(rows));
        }
    }
}
