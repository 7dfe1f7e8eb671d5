package org.layerlab.export.onnx;

import static org.layerlab.export.onnx.OnnxGraph.attr;
import static org.layerlab.export.onnx.OnnxGraph.in;
import static org.layerlab.export.onnx.OnnxGraph.ints;
import static org.layerlab.export.onnx.OnnxGraph.strings;

import java.util.ArrayList;
import java.util.List;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import org.layerlab.engine.Tensor;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.nn.Activation;
import org.layerlab.nn.layers.Bidirectional;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.GRU;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.layers.PositionalEmbedding;
import org.layerlab.nn.layers.SimpleRNN;

/**
 * Embeddings and recurrent layers. Token ids arrive as floats (LayerLab feeds every input as
 * float32, so the exported model takes what {@code predict} takes) and are cast to int64 for Gather.
 *
 * <p>Recurrent layers map to ONNX's LSTM, GRU and RNN operators, time-major between two Transposes
 * (ONNX Runtime's CPU kernels refuse the batch-first {@code layout=1} of opset 14). Keras and ONNX order the gates differently: Keras' LSTM kernel is (in, 4u) in i, f, c, o
 * order, ONNX wants W as (1, 4u, in) in i, o, f, c; GRU is z, r, h in both, and Keras 3's
 * {@code reset_after=True} is ONNX's {@code linear_before_reset=1} with the input and recurrent
 * biases kept apart. Keras' go_backwards returns the sequence in reading order (last step first),
 * where ONNX's reverse direction gives it in input order: so the exporter reverses the input and
 * runs forwards instead.
 */
final class SequenceLayers {
    /** Keras LSTM gate i, f, c, o at ONNX position i, o, f, c. */
    private static final int[] LSTM_GATES = {0, 3, 1, 2};
    private static final int[] SAME_GATES = {0, 1, 2};

    static final String MASKED_RECURRENT = "ONNX's recurrent operators cannot carry the state over padding the way"
            + " Keras does (Embedding's mask_zero reaches this layer): export without mask_zero, or to PyTorch or Keras";

    private SequenceLayers() {
    }

    static final OnnxLayer<Embedding> EMBEDDING = (c, s) ->
            c.graph().op("Gather", c.name(), in(c.weight("embeddings"), ids(c)), attr("axis", 0L));

    /** mask_zero's mask of the ids x: 1 where the id is not 0, as a float (N, T). */
    static String paddingMask(OnnxGraph g, String hint, String x) {
        String padding = g.op("Equal", hint + "/mask", in(x, g.scalar(hint + "/padding_id", 0f)));
        return g.op("Cast", hint + "/mask", in(g.op("Not", hint + "/mask", in(padding))),
                attr("to", (long) TensorProto.DataType.FLOAT.getNumber()));
    }

    /** Token vector plus the vector of its position: Gather, then Add the first T rows of the position table. */
    static final OnnxLayer<PositionalEmbedding> POSITIONAL_EMBEDDING = (c, s) -> {
        OnnxGraph g = c.graph();
        String tokens = g.op("Gather", c.name(), in(c.weight("token_embeddings"), ids(c)), attr("axis", 0L));
        String table = c.weight("position_embeddings");
        String rows = g.op("Slice", c.name(), in(table, g.longs(c.name() + "/start", 0),
                g.longs(c.name() + "/end", c.inputShape().dim(0)), g.longs(c.name() + "/axis", 0)));
        return g.op("Add", c.name(), in(tokens, rows));
    };

    static final OnnxLayer<LSTM> LSTM_LAYER = new OnnxLayer<>() {
        @Override
        public String emit(OnnxLayer.Context c, LSTM s) {
            Cell cell = new Cell("LSTM", 4, LSTM_GATES, s.units(), List.of(s.recurrentActivation(), s.activation(),
                    s.activation()));
            return recurrent(c, cell, List.of(""), s.returnSequences(), s.goBackwards(), "concat");
        }

        @Override
        public String problem(LSTM s, ExportPlan.Step step, boolean masked) {
            if (masked) {
                return MASKED_RECURRENT;
            }
            return activationProblem(List.of(s.activation(), s.recurrentActivation()));
        }
    };

    static final OnnxLayer<GRU> GRU_LAYER = new OnnxLayer<>() {
        @Override
        public String emit(OnnxLayer.Context c, GRU s) {
            Cell cell = new Cell("GRU", 3, SAME_GATES, s.units(), List.of(s.recurrentActivation(), s.activation()));
            return recurrent(c, cell, List.of(""), s.returnSequences(), s.goBackwards(), "concat");
        }

        @Override
        public String problem(GRU s, ExportPlan.Step step, boolean masked) {
            if (masked) {
                return MASKED_RECURRENT;
            }
            return activationProblem(List.of(s.activation(), s.recurrentActivation()));
        }
    };

    static final OnnxLayer<SimpleRNN> SIMPLE_RNN = new OnnxLayer<>() {
        @Override
        public String emit(OnnxLayer.Context c, SimpleRNN s) {
            Cell cell = new Cell("RNN", 1, new int[] {0}, s.units(), List.of(s.activation()));
            return recurrent(c, cell, List.of(""), s.returnSequences(), s.goBackwards(), "concat");
        }

        @Override
        public String problem(SimpleRNN s, ExportPlan.Step step, boolean masked) {
            if (masked) {
                return MASKED_RECURRENT;
            }
            return activationProblem(List.of(s.activation()));
        }
    };

    /** ONNX's bidirectional direction runs both copies and aligns the backward one's steps with the input, as Keras does. */
    static final OnnxLayer<Bidirectional> BIDIRECTIONAL = new OnnxLayer<>() {
        @Override
        public String emit(OnnxLayer.Context c, Bidirectional s) {
            return bidirectional(c, s);
        }

        @Override
        public String problem(Bidirectional s, ExportPlan.Step step, boolean masked) {
            return masked ? MASKED_RECURRENT : null;
        }
    };

    private static String bidirectional(OnnxLayer.Context c, Bidirectional s) {
        Cell cell = switch (s.layer()) {
            case "LSTM" -> new Cell("LSTM", 4, LSTM_GATES, s.units(), List.of(Activation.SIGMOID, Activation.TANH,
                    Activation.TANH));
            case "GRU" -> new Cell("GRU", 3, SAME_GATES, s.units(), List.of(Activation.SIGMOID, Activation.TANH));
            default -> new Cell("RNN", 1, new int[] {0}, s.units(), List.of(Activation.TANH));
        };
        return recurrent(c, cell, List.of("forward/", "backward/"), s.returnSequences(), false, s.mergeMode());
    }

    /** The ONNX operator, its gate count and order, units and activations (ONNX's f, g, h). */
    private record Cell(String op, int gates, int[] kerasGate, int units, List<Activation> activations) {
    }

    /**
     * One recurrent operator over one or two directions (weight prefixes "" or "forward/", "backward/"),
     * then the output Keras gives: the whole sequence or the last state, the directions merged.
     */
    private static String recurrent(OnnxLayer.Context c, Cell cell, List<String> sides, boolean sequences,
                                    boolean backwards, String merge) {
        OnnxGraph g = c.graph();
        int u = cell.units();
        int dirs = sides.size();
        int features = c.inputShape().last();
        int rows = cell.gates() * u;
        float[] w = new float[dirs * rows * features];
        float[] r = new float[dirs * rows * u];
        float[] b = new float[dirs * 2 * rows];
        for (int d = 0; d < dirs; d++) {
            String p = sides.get(d);
            transposeGates(c.tensor(p + "kernel"), cell, w, d * rows * features);
            transposeGates(c.tensor(p + "recurrent_kernel"), cell, r, d * rows * u);
            if (c.hasWeight(p + "bias")) {
                Tensor bias = c.tensor(p + "bias");
                // LSTM and RNN have one bias (the recurrent one stays zero); GRU with reset_after has both rows.
                int parts = bias.size() / rows;
                for (int part = 0; part < parts; part++) {
                    for (int gate = 0; gate < cell.gates(); gate++) {
                        System.arraycopy(bias.data(), part * rows + cell.kerasGate()[gate] * u, b,
                                d * 2 * rows + part * rows + gate * u, u);
                    }
                }
            }
        }
        String x = c.input();
        if (backwards) {
            x = reverseTime(g, c.name(), x);
        }
        x = g.op("Transpose", c.name(), in(x), ints("perm", 1, 0, 2));
        List<AttributeProto> attrs = new ArrayList<>(List.of(attr("hidden_size", (long) u),
                attr("direction", dirs == 2 ? "bidirectional" : "forward")));
        List<String> names = new ArrayList<>();
        for (int d = 0; d < dirs; d++) {
            cell.activations().forEach(a -> names.add(OnnxActivations.recurrentName(a)));
        }
        attrs.add(strings("activations", names.toArray(String[]::new)));
        if (cell.op().equals("GRU")) {
            attrs.add(attr("linear_before_reset", 1L));
        }
        String[] out = g.ops(cell.op(), c.name(), 2, in(x, g.floats(c.name() + "/W", new int[] {dirs, rows, features}, w),
                g.floats(c.name() + "/R", new int[] {dirs, rows, u}, r), g.floats(c.name() + "/B", new int[] {dirs, 2 * rows}, b)),
                attrs.toArray(AttributeProto[]::new));
        int steps = c.inputShape().dim(0);
        if (sequences) {
            // Y is (T, directions, N, units): batch first again.
            String y = g.op("Transpose", c.name(), in(out[0]), ints("perm", 2, 0, 1, 3));
            return merged(g, c.name(), y, 2, dirs, merge, new long[] {-1, steps, (long) dirs * u});
        }
        // Y_h is (directions, N, units).
        String last = g.op("Transpose", c.name(), in(out[1]), ints("perm", 1, 0, 2));
        return merged(g, c.name(), last, 1, dirs, merge, new long[] {-1, (long) dirs * u});
    }

    /** The directions side by side (concat: one Reshape) or combined elementwise along their axis. */
    private static String merged(OnnxGraph g, String hint, String y, long axis, int dirs, String merge, long[] concatShape) {
        if (dirs == 1 || merge.equals("concat")) {
            return g.op("Reshape", hint, in(y, g.longs(hint + "/shape", concatShape)));
        }
        return switch (merge) {
            case "sum" -> g.op("ReduceSum", hint, in(y, g.longs(hint + "/axes", axis)), attr("keepdims", 0L));
            case "mul" -> g.op("ReduceProd", hint, in(y), ints("axes", axis), attr("keepdims", 0L));
            default -> g.op("ReduceMean", hint, in(y), ints("axes", axis), attr("keepdims", 0L));
        };
    }

    /** The time axis (1) read from the end: Slice with step −1. */
    private static String reverseTime(OnnxGraph g, String hint, String x) {
        return g.op("Slice", hint, in(x, g.longs(hint + "/rev_start", -1), g.longs(hint + "/rev_end", Long.MIN_VALUE),
                g.longs(hint + "/rev_axis", 1), g.longs(hint + "/rev_step", -1)));
    }

    /** Keras (rows_in, gates·u) in Keras gate order → ONNX (gates·u, rows_in) in ONNX gate order, at offset. */
    private static void transposeGates(Tensor k, Cell cell, float[] dst, int offset) {
        int in = k.dim(0);
        int u = cell.units();
        int cols = k.dim(1);
        for (int gate = 0; gate < cell.gates(); gate++) {
            int from = cell.kerasGate()[gate] * u;
            for (int j = 0; j < u; j++) {
                for (int i = 0; i < in; i++) {
                    dst[offset + (gate * u + j) * in + i] = k.data()[i * cols + from + j];
                }
            }
        }
    }

    private static String activationProblem(List<Activation> activations) {
        for (Activation a : activations) {
            if (OnnxActivations.recurrentName(a) == null) {
                return "ONNX's recurrent operators have no " + a + " activation: use tanh, sigmoid, relu, softsign or"
                        + " softplus";
            }
        }
        return null;
    }

    /** The input's token ids as int64, which Gather indexes with. */
    private static String ids(OnnxLayer.Context c) {
        return c.graph().op("Cast", c.name(), in(c.input()), attr("to", (long) TensorProto.DataType.INT64.getNumber()));
    }
}
