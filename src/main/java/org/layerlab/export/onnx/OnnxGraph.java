package org.layerlab.export.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import org.layerlab.engine.Tensor;

/**
 * The ONNX graph being written: nodes, weights (initializers) and constants, with value names
 * kept unique. Each layer's translation adds to it through {@link #op} and gets back the name of
 * the value it produced; the translation never touches protobuf itself.
 */
final class OnnxGraph {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private int minimumOpset = 13;

    GraphProto.Builder proto() {
        return graph;
    }

    /** The lowest opset the graph needs so far (13 unless a layer asked for more). */
    int opset() {
        return minimumOpset;
    }

    void requireOpset(int version) {
        minimumOpset = Math.max(minimumOpset, version);
    }

    /** A value name not used before, from a hint: "dense/kernel", "dense/kernel_2". */
    String fresh(String hint) {
        String name = hint;
        for (int i = 2; !names.add(name); i++) {
            name = hint + "_" + i;
        }
        return name;
    }

    /** A float tensor stored in the file (a weight or a constant). */
    String floats(String hint, int[] dims, float[] values) {
        String name = fresh(hint);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(b.array()));
        for (int d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    String floats(String hint, Tensor t) {
        return floats(hint, t.dims(), t.data());
    }

    String scalar(String hint, float value) {
        return floats(hint, new int[0], new float[] {value});
    }

    /** A 1-D int64 constant: shapes, axes, slice bounds. */
    String longs(String hint, long... values) {
        String name = fresh(hint);
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length).setRawData(ByteString.copyFrom(b.array())));
        return name;
    }

    /** Adds one operator node; returns its first output's name. An empty input name stands for an omitted optional input. */
    String op(String type, String hint, String[] inputs, AttributeProto... attributes) {
        return ops(type, hint, 1, inputs, attributes)[0];
    }

    /** Adds one operator node with several outputs and returns their names. */
    String[] ops(String type, String hint, int outputs, String[] inputs, AttributeProto... attributes) {
        String[] out = new String[outputs];
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(type).setName(fresh(hint + "/" + type + "_node"));
        for (String in : inputs) {
            n.addInput(in);
        }
        for (int i = 0; i < outputs; i++) {
            out[i] = fresh(hint + "/" + type + (outputs > 1 ? "_" + i : ""));
            n.addOutput(out[i]);
        }
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return out;
    }

    static String[] in(String... names) {
        return names;
    }

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto strings(String name, String... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRINGS);
        for (String v : values) {
            a.addStrings(ByteString.copyFromUtf8(v));
        }
        return a.build();
    }
}
