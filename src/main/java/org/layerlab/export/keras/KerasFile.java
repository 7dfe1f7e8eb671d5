package org.layerlab.export.keras;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.nn.layers.Bidirectional;
import org.layerlab.nn.layers.Concatenate;
import org.layerlab.nn.layers.GRU;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.MultiHeadAttention;
import org.layerlab.nn.layers.SimpleRNN;

/**
 * A .keras file written by LayerLab itself: a zip of config.json (the functional model as Keras
 * serializes it, arguments at their defaults left out), metadata.json and model.weights.h5 (HDF5,
 * written with jhdf). Keras finds each layer's weights in the HDF5 file not by the layer's name but
 * by its class in snake case, numbered in the order of {@code model.layers}: that order (layers
 * nearest the input first, ties in the order Keras' graph walk from the output meets them) is
 * computed here as Keras computes it. Groups are only written with datasets in them (jhdf writes
 * an empty group's header in a form h5py cannot read, and Keras does not need them).
 */
final class KerasFile {
    static {
        // jhdf logs through SLF4J, which LayerLab gives no backend: without this, the first export
        // prints three lines about a missing logger to the user's terminal.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /** The Keras version the files are checked against in CI. */
    static final String KERAS_VERSION = "3.15.1";

    private KerasFile() {
    }

    /** Why this network cannot be a .keras file LayerLab writes, or null. */
    static String problem(ExportPlan plan) {
        for (ExportPlan.Step s : plan.steps()) {
            if (KerasOwnClasses.has(s.node().spec())) {
                return s.node().spec().kind() + " is not a Keras layer: the .keras file needs the class from"
                        + " keras_model.py (run it and call model.save)";
            }
        }
        return null;
    }

    static void write(ExportPlan plan, String modelName, Map<String, String> names, Path file) throws IOException {
        Path weights = Files.createTempFile("layerlab-keras", ".h5");
        try {
            writeWeights(plan, names, weights);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                JsonObject metadata = new JsonObject();
                metadata.addProperty("keras_version", KERAS_VERSION);
                metadata.addProperty("date_saved", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
                entry(zip, "metadata.json", metadata.toString().getBytes(StandardCharsets.UTF_8));
                entry(zip, "config.json", config(plan, modelName, names).toString().getBytes(StandardCharsets.UTF_8));
                entry(zip, "model.weights.h5", Files.readAllBytes(weights));
            }
        } finally {
            Files.deleteIfExists(weights);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static JsonObject config(ExportPlan plan, String modelName, Map<String, String> names) {
        JsonArray layers = new JsonArray();
        Map<String, Shape> shapes = new HashMap<>();
        for (ExportPlan.Step s : plan.steps()) {
            shapes.put(s.node().id(), s.outputShape());
        }
        for (ExportPlan.Step s : plan.steps()) {
            String name = names.get(s.node().id());
            JsonObject layer;
            JsonArray nodes = new JsonArray();
            if (s.node().spec() instanceof Input in) {
                JsonObject c = new JsonObject();
                c.add("batch_shape", batchShape(in.shape()));
                c.addProperty("dtype", "float32");
                c.addProperty("sparse", false);
                c.addProperty("name", name);
                layer = KerasConfig.wrap("InputLayer", c);
            } else {
                layer = KerasConfig.layer(s.node().spec(), name);
                List<JsonElement> tensors = new ArrayList<>();
                for (String from : s.node().inputs()) {
                    tensors.add(tensor(names.get(from), shapes.get(from)));
                }
                JsonArray args = new JsonArray();
                JsonObject kwargs = new JsonObject();
                if (s.node().spec() instanceof MergeLayer || s.node().spec() instanceof Concatenate) {
                    JsonArray list = new JsonArray();
                    tensors.forEach(list::add);
                    args.add(list);
                } else {
                    tensors.forEach(args::add);
                    if (s.node().spec() instanceof MultiHeadAttention m) {
                        if (tensors.size() == 1) {
                            args.add(tensors.get(0));
                        }
                        if (m.useCausalMask()) {
                            kwargs.addProperty("use_causal_mask", true);
                        }
                    }
                }
                JsonObject node = new JsonObject();
                node.add("args", args);
                node.add("kwargs", kwargs);
                nodes.add(node);
            }
            layer.addProperty("name", name);
            layer.add("inbound_nodes", nodes);
            layers.add(layer);
        }
        JsonObject c = new JsonObject();
        c.addProperty("name", modelName);
        c.addProperty("trainable", true);
        c.add("layers", layers);
        c.add("input_layers", history(names.get(plan.input().node().id())));
        c.add("output_layers", history(names.get(plan.output().node().id())));
        JsonObject model = new JsonObject();
        model.addProperty("module", "keras.src.models.functional");
        model.addProperty("class_name", "Functional");
        model.add("config", c);
        model.addProperty("registered_name", "Functional");
        return model;
    }

    private static JsonArray history(String name) {
        JsonArray a = new JsonArray();
        a.add(name);
        a.add(0);
        a.add(0);
        return a;
    }

    private static JsonObject tensor(String from, Shape shape) {
        JsonObject c = new JsonObject();
        c.add("shape", batchShape(shape));
        c.addProperty("dtype", "float32");
        c.add("keras_history", history(from));
        JsonObject t = new JsonObject();
        t.addProperty("class_name", "__keras_tensor__");
        t.add("config", c);
        return t;
    }

    private static JsonArray batchShape(Shape s) {
        JsonArray a = new JsonArray();
        a.add(JsonNull.INSTANCE);
        for (int d : s.dims()) {
            a.add(d);
        }
        return a;
    }

    private static void writeWeights(ExportPlan plan, Map<String, String> names, Path file) {
        Map<String, WritableGroup> groups = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            for (ExportPlan.Step s : kerasOrder(plan)) {
                String cls = s.node().spec() instanceof Input ? "InputLayer" : KerasConfig.className(s.node().spec());
                String path = "layers/" + unique(snake(cls), used);
                int index = 0;
                String previousGroup = null;
                for (Map.Entry<String, Tensor> w : s.weights().entrySet()) {
                    String group = path + "/" + varsGroup(s, w.getKey());
                    index = group.equals(previousGroup) ? index + 1 : 0;
                    previousGroup = group;
                    group(hdf, groups, group).putDataset(Integer.toString(index), array(w.getValue()));
                }
            }
        }
    }

    /** Where a weight of this layer lives under its path: "vars", "cell/vars", "forward_layer/cell/vars", "query_dense/vars". */
    private static String varsGroup(ExportPlan.Step s, String weight) {
        Object spec = s.node().spec();
        if (spec instanceof LSTM || spec instanceof GRU || spec instanceof SimpleRNN) {
            return "cell/vars";
        }
        if (spec instanceof Bidirectional) {
            return (weight.startsWith("forward/") ? "forward_layer" : "backward_layer") + "/cell/vars";
        }
        if (spec instanceof MultiHeadAttention) {
            String part = weight.substring(0, weight.indexOf('/'));
            return (part.equals("attention_output") ? "output" : part) + "_dense/vars";
        }
        return "vars";
    }

    private static WritableGroup group(WritableHdfFile hdf, Map<String, WritableGroup> groups, String path) {
        WritableGroup g = groups.get(path);
        if (g != null) {
            return g;
        }
        int slash = path.lastIndexOf('/');
        WritableGroup parent = slash < 0 ? hdf : group(hdf, groups, path.substring(0, slash));
        g = parent.putGroup(path.substring(slash + 1));
        groups.put(path, g);
        return g;
    }

    /** A tensor as the nested float array jhdf writes with its shape. */
    private static Object array(Tensor t) {
        int[] dims = t.dims();
        if (dims.length == 1) {
            return t.data().clone();
        }
        Object out = Array.newInstance(float.class, dims);
        fill(out, t.data(), dims, 0, 0);
        return out;
    }

    private static int fill(Object array, float[] data, int[] dims, int axis, int offset) {
        if (axis == dims.length - 1) {
            System.arraycopy(data, offset, array, 0, dims[axis]);
            return offset + dims[axis];
        }
        for (int i = 0; i < dims[axis]; i++) {
            offset = fill(Array.get(array, i), data, dims, axis + 1, offset);
        }
        return offset;
    }

    /**
     * The layers in the order of Keras' {@code model.layers}: by depth (the longest path to the
     * output) from the deepest, ties by when a walk from the output, inputs in call order, first
     * reaches them.
     */
    static List<ExportPlan.Step> kerasOrder(ExportPlan plan) {
        Map<String, ExportPlan.Step> byId = new LinkedHashMap<>();
        plan.steps().forEach(s -> byId.put(s.node().id(), s));
        Map<String, Integer> depth = new HashMap<>();
        List<ExportPlan.Step> reversed = new ArrayList<>(plan.steps());
        Collections.reverse(reversed);
        for (ExportPlan.Step s : reversed) {
            int d = depth.getOrDefault(s.node().id(), 0);
            depth.put(s.node().id(), d);
            for (String in : s.node().inputs()) {
                depth.merge(in, d + 1, Math::max);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        walk(plan.output().node().id(), byId, index);
        List<ExportPlan.Step> out = new ArrayList<>(plan.steps());
        out.sort(Comparator.<ExportPlan.Step>comparingInt(s -> -depth.get(s.node().id()))
                .thenComparingInt(s -> index.getOrDefault(s.node().id(), Integer.MAX_VALUE)));
        return out;
    }

    private static void walk(String id, Map<String, ExportPlan.Step> byId, Map<String, Integer> index) {
        if (index.containsKey(id)) {
            return;
        }
        index.put(id, index.size());
        for (String in : byId.get(id).node().inputs()) {
            walk(in, byId, index);
        }
    }

    /** Keras' naming.to_snake_case. */
    static String snake(String className) {
        String s = className.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String unique(String name, Map<String, Integer> used) {
        Integer n = used.get(name);
        if (n == null) {
            used.put(name, 0);
            return name;
        }
        used.put(name, n + 1);
        return name + "_" + (n + 1);
    }
}
