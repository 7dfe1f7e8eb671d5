package org.layerlab.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Edges;
import org.layerlab.nn.Ends;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.Size2;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerKinds;
import org.layerlab.nn.layers.LayerParam;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.ParamType;

/**
 * Layer specs to and from the "params" object of a saved node, with Keras' config names
 * (units, kernel_size, use_bias...), driven by each kind's {@link LayerKind}: one JSON form per
 * {@link ParamType}, no code per kind. Defaults apply to missing options,
 * so hand-written files stay short.
 */
public final class LayerCodec {
    /** Every kind a project file may name, in palette order. */
    public static final List<String> KINDS = LayerKinds.names();

    private LayerCodec() {
    }

    public static JsonObject encode(LayerSpec spec) {
        JsonObject o = new JsonObject();
        LayerKind kind = spec.descriptor();
        for (Map.Entry<String, Object> e : kind.values(spec).entrySet()) {
            write(o, e.getKey(), e.getValue());
        }
        return o;
    }

    /** The spec of a saved node; errors name the JSON path. */
    public static LayerSpec decode(String kind, JsonObject params, String path) {
        JsonFields p = new JsonFields(params == null ? new JsonObject() : params, path);
        LayerKind k;
        try {
            k = LayerKinds.named(kind);
        } catch (IllegalArgumentException e) {
            throw new JsonFields.FieldError(path, e.getMessage());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (LayerParam param : k.params()) {
            if (p.has(param.name())) {
                values.put(param.name(), read(p, param));
            } else if (param.required()) {
                throw new JsonFields.FieldError(p.path(param.name()), "is missing");
            }
        }
        try {
            return k.create(values);
        } catch (IllegalArgumentException e) {
            throw new JsonFields.FieldError(path, e.getMessage());
        }
    }

    private static void write(JsonObject o, String name, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Integer i) {
            o.addProperty(name, i);
        } else if (v instanceof Double d) {
            o.addProperty(name, d);
        } else if (v instanceof Boolean b) {
            o.addProperty(name, b);
        } else if (v instanceof String s) {
            o.addProperty(name, s);
        } else if (v instanceof Size2 s) {
            o.add(name, ints(new int[] {s.h(), s.w()}));
        } else if (v instanceof Shape s) {
            o.add(name, ints(s.dims()));
        } else if (v instanceof Ends e) {
            o.add(name, ints(new int[] {e.start(), e.end()}));
        } else if (v instanceof Edges e) {
            JsonArray pairs = new JsonArray();
            pairs.add(ints(new int[] {e.top(), e.bottom()}));
            pairs.add(ints(new int[] {e.left(), e.right()}));
            o.add(name, pairs);
        } else if (v instanceof Padding pad) {
            o.addProperty(name, pad.kerasName());
        } else if (v instanceof Activation a) {
            o.addProperty(name, a.name());
            // Keras keeps the slope inside the activation; a sibling field keeps files readable.
            if (a.function().hasAlpha() && a.alpha() != a.function().defaultAlpha()) {
                o.addProperty("alpha", a.alpha());
            }
        } else if (v instanceof Initializer init) {
            o.addProperty(name, init.kind().kerasName());
        } else if (v instanceof Regularizer r) {
            if (!r.isNone()) {
                JsonObject j = new JsonObject();
                j.addProperty("l1", r.l1());
                j.addProperty("l2", r.l2());
                o.add(name, j);
            }
        } else {
            throw new IllegalStateException("no JSON form for option " + name + " = " + v);
        }
    }

    private static Object read(JsonFields p, LayerParam param) {
        String name = param.name();
        try {
            return switch (param.type()) {
                case INT -> p.integer(name);
                case FLOAT -> p.number(name);
                case BOOL -> p.bool(name, false);
                case CHOICE -> choice(p, param);
                case SIZE2 -> size(p, name);
                case SHAPE -> Shape.of(p.ints(name));
                case EDGES -> edges(p, name);
                case ENDS -> ends(p, name);
                case PADDING -> Padding.parse(p.string(name));
                case ACTIVATION -> activation(p, name);
                case INITIALIZER -> Initializer.parse(p.string(name));
                case REGULARIZER -> regularizer(p.object(name));
            };
        } catch (JsonFields.FieldError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFields.FieldError(p.path(name), e.getMessage());
        }
    }

    private static String choice(JsonFields p, LayerParam param) {
        String v = p.string(param.name());
        if (!param.choices().contains(v)) {
            throw new JsonFields.FieldError(p.path(param.name()), "expected one of " + String.join(", ", param.choices())
                    + ", found '" + v + "'");
        }
        return v;
    }

    private static JsonArray ints(int[] v) {
        JsonArray a = new JsonArray();
        for (int x : v) {
            a.add(x);
        }
        return a;
    }

    private static Size2 size(JsonFields p, String field) {
        if (p.raw(field).isJsonPrimitive()) {
            return Size2.square(p.integer(field));
        }
        int[] v = p.ints(field);
        if (v.length != 2) {
            throw new JsonFields.FieldError(p.path(field), "expected [height, width], found " + v.length + " numbers");
        }
        return new Size2(v[0], v[1]);
    }

    /** One number (both ends) or [start, end], as Keras accepts. */
    private static Ends ends(JsonFields p, String field) {
        if (p.raw(field).isJsonPrimitive()) {
            return Ends.of(p.integer(field));
        }
        int[] v = p.ints(field);
        if (v.length != 2) {
            throw new JsonFields.FieldError(p.path(field), "expected [start, end], found " + v.length + " numbers");
        }
        return new Ends(v[0], v[1]);
    }

    /** One number (every edge), [h, w] (symmetric) or [[top, bottom], [left, right]], as Keras accepts. */
    private static Edges edges(JsonFields p, String field) {
        JsonElement raw = p.raw(field);
        if (raw.isJsonPrimitive()) {
            return Edges.of(p.integer(field));
        }
        JsonArray a = raw.getAsJsonArray();
        if (a.size() == 2 && a.get(0).isJsonArray() && a.get(1).isJsonArray()) {
            JsonArray h = a.get(0).getAsJsonArray();
            JsonArray w = a.get(1).getAsJsonArray();
            if (h.size() == 2 && w.size() == 2) {
                return new Edges(h.get(0).getAsInt(), h.get(1).getAsInt(), w.get(0).getAsInt(), w.get(1).getAsInt());
            }
        }
        int[] v = p.ints(field);
        if (v.length != 2) {
            throw new JsonFields.FieldError(p.path(field), "expected [[top, bottom], [left, right]] or [height, width]");
        }
        return new Edges(v[0], v[0], v[1], v[1]);
    }

    private static Activation activation(JsonFields p, String field) {
        Activation a = Activation.parse(p.string(field));
        return p.has("alpha") ? new Activation(a.function(), p.number("alpha")) : a;
    }

    private static Regularizer regularizer(JsonFields r) {
        return new Regularizer(r.number("l1", 0), r.number("l2", 0));
    }
}
