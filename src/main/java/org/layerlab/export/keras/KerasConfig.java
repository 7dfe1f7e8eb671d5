package org.layerlab.export.keras;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Edges;
import org.layerlab.nn.Ends;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.Size2;
import org.layerlab.nn.layers.Bidirectional;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerParam;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.MultiHeadAttention;
import org.layerlab.nn.layers.RealOrFake;

/**
 * A layer's entry in a .keras file's config.json: Keras' class name and the constructor arguments
 * that differ from Keras' defaults, from the kind's options as in {@link KerasCode}. Keras fills in
 * everything left out when it loads the file.
 */
final class KerasConfig {
    private KerasConfig() {
    }

    /** {"module": "keras.layers", "class_name": ..., "config": {...}} for a layer named name. */
    static JsonObject layer(LayerSpec spec, String name) {
        JsonObject config = new JsonObject();
        config.addProperty("name", name);
        String className = className(spec);
        if (spec instanceof RealOrFake) {
            return wrap(className, config); // the GAN recipe's options are LayerLab's training, not the layer's
        }
        if (spec instanceof Bidirectional b) {
            JsonObject inner = new JsonObject();
            inner.addProperty("name", "forward_" + b.layer().toLowerCase(Locale.ROOT));
            inner.addProperty("units", b.units());
            inner.addProperty("return_sequences", b.returnSequences());
            config.add("layer", wrap(b.layer(), inner));
            config.addProperty("merge_mode", b.mergeMode());
        } else {
            arguments(spec, config);
        }
        if (spec instanceof MultiHeadAttention m) {
            config.remove("use_causal_mask");
            config.remove("value_dim");
            config.remove("output_shape");
            if (m.valueDim() > 0) {
                config.addProperty("value_dim", m.valueDim());
            }
            if (m.outputShape() > 0) {
                config.addProperty("output_shape", m.outputShape());
            }
        }
        return wrap(className, config);
    }

    /** The Keras class a layer is saved as: its kind, but a GAN's seam, which only passes its input on, is an Identity. */
    static String className(LayerSpec spec) {
        return spec instanceof RealOrFake ? "Identity" : spec.kind();
    }

    static JsonObject wrap(String className, JsonObject config) {
        JsonObject o = new JsonObject();
        o.addProperty("module", "keras.layers");
        o.addProperty("class_name", className);
        o.add("config", config);
        o.add("registered_name", JsonNull.INSTANCE);
        return o;
    }

    private static void arguments(LayerSpec spec, JsonObject config) {
        LayerKind kind = spec.descriptor();
        Map<String, Object> values = kind.values(spec);
        for (LayerParam p : kind.params()) {
            Object v = values.get(p.name());
            if (v != null && (p.required() || !Objects.equals(v, p.defaultValue()) || KerasCode.ALWAYS.contains(kind.name()
                    + "/" + p.name()))) {
                config.add(p.name(), json(v));
            }
        }
    }

    static JsonElement json(Object v) {
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (v instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (v instanceof Size2 s) {
            return ints(List.of(s.h(), s.w()));
        }
        if (v instanceof Shape s) {
            JsonArray a = new JsonArray();
            for (int d : s.dims()) {
                a.add(d);
            }
            return a;
        }
        if (v instanceof Ends e) {
            return ints(List.of(e.start(), e.end()));
        }
        if (v instanceof Edges e) {
            JsonArray a = new JsonArray();
            a.add(ints(List.of(e.top(), e.bottom())));
            a.add(ints(List.of(e.left(), e.right())));
            return a;
        }
        if (v instanceof Padding p) {
            return new JsonPrimitive(p.name().toLowerCase(Locale.ROOT));
        }
        if (v instanceof Activation a) {
            return new JsonPrimitive(a.name());
        }
        if (v instanceof Initializer i) {
            JsonObject c = new JsonObject();
            String cls = switch (i.kind()) {
                case RANDOM_NORMAL -> {
                    c.addProperty("mean", i.a());
                    c.addProperty("stddev", i.b());
                    yield "RandomNormal";
                }
                case RANDOM_UNIFORM -> {
                    c.addProperty("minval", i.a());
                    c.addProperty("maxval", i.b());
                    yield "RandomUniform";
                }
                default -> null;
            };
            if (cls == null) {
                return new JsonPrimitive(i.kind().kerasName());
            }
            JsonObject o = new JsonObject();
            o.addProperty("module", "keras.initializers");
            o.addProperty("class_name", cls);
            o.add("config", c);
            o.add("registered_name", JsonNull.INSTANCE);
            return o;
        }
        if (v instanceof Regularizer r) {
            JsonObject c = new JsonObject();
            c.addProperty("l1", r.l1());
            c.addProperty("l2", r.l2());
            JsonObject o = new JsonObject();
            o.addProperty("module", "keras.regularizers");
            o.addProperty("class_name", "L1L2");
            o.add("config", c);
            o.add("registered_name", JsonNull.INSTANCE);
            return o;
        }
        throw new IllegalArgumentException("no JSON form for " + v.getClass().getSimpleName());
    }

    private static JsonArray ints(List<Integer> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
