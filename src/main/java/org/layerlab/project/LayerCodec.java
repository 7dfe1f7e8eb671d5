package org.layerlab.project;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.layerlab.engine.Shape;
import org.layerlab.engine.ops.Merge;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.Size2;
import org.layerlab.nn.layers.ActivationLayer;
import org.layerlab.nn.layers.AveragePooling2D;
import org.layerlab.nn.layers.BatchNormalization;
import org.layerlab.nn.layers.Concatenate;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Dropout;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.GlobalAveragePooling2D;
import org.layerlab.nn.layers.GlobalMaxPooling2D;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerNormalization;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.layers.SpatialDropout2D;

/**
 * Layer specs to and from the "params" object of a saved node, with Keras' config names
 * (units, kernel_size, use_bias...). Defaults apply to missing options, so hand-written files stay short.
 */
public final class LayerCodec {
    /** Every kind a project file may name, in palette order. */
    public static final List<String> KINDS = List.of("Input", "Dense", "Activation", "Dropout", "Conv2D", "MaxPooling2D",
            "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D", "Flatten", "Reshape",
            "BatchNormalization", "LayerNormalization", "SpatialDropout2D", "Add", "Subtract", "Multiply", "Average",
            "Concatenate");

    private LayerCodec() {
    }

    public static JsonObject encode(LayerSpec spec) {
        JsonObject o = new JsonObject();
        if (spec instanceof Input s) {
            o.add("shape", ints(s.shape().dims()));
        } else if (spec instanceof Dense s) {
            o.addProperty("units", s.units());
            activation(o, s.activation());
            o.addProperty("use_bias", s.useBias());
            o.addProperty("kernel_initializer", s.kernelInitializer().kind().kerasName());
            o.addProperty("bias_initializer", s.biasInitializer().kind().kerasName());
            regularizer(o, s.kernelRegularizer());
        } else if (spec instanceof ActivationLayer s) {
            activation(o, s.activation());
        } else if (spec instanceof Dropout s) {
            o.addProperty("rate", s.rate());
        } else if (spec instanceof SpatialDropout2D s) {
            o.addProperty("rate", s.rate());
        } else if (spec instanceof Conv2D s) {
            o.addProperty("filters", s.filters());
            o.add("kernel_size", size(s.kernelSize()));
            o.add("strides", size(s.strides()));
            o.addProperty("padding", s.padding().kerasName());
            o.add("dilation_rate", size(s.dilationRate()));
            activation(o, s.activation());
            o.addProperty("use_bias", s.useBias());
            o.addProperty("kernel_initializer", s.kernelInitializer().kind().kerasName());
            o.addProperty("bias_initializer", s.biasInitializer().kind().kerasName());
            regularizer(o, s.kernelRegularizer());
        } else if (spec instanceof MaxPooling2D s) {
            pool(o, s.poolSize(), s.strides(), s.padding());
        } else if (spec instanceof AveragePooling2D s) {
            pool(o, s.poolSize(), s.strides(), s.padding());
        } else if (spec instanceof Reshape s) {
            o.add("target_shape", ints(s.targetShape().dims()));
        } else if (spec instanceof BatchNormalization s) {
            o.addProperty("momentum", s.momentum());
            o.addProperty("epsilon", s.epsilon());
            o.addProperty("center", s.center());
            o.addProperty("scale", s.scale());
        } else if (spec instanceof LayerNormalization s) {
            o.addProperty("epsilon", s.epsilon());
        } else if (spec instanceof Concatenate s) {
            o.addProperty("axis", s.axis());
        }
        return o;
    }

    /** The spec of a saved node; errors name the JSON path. */
    public static LayerSpec decode(String kind, JsonObject params, String path) {
        JsonFields p = new JsonFields(params == null ? new JsonObject() : params, path);
        try {
            return switch (kind) {
                case "Input" -> new Input(Shape.of(p.ints("shape")));
                case "Dense" -> new Dense(p.integer("units"), activation(p), p.bool("use_bias", true),
                        initializer(p, "kernel_initializer", "glorot_uniform"), initializer(p, "bias_initializer", "zeros"),
                        regularizer(p));
                case "Activation" -> new ActivationLayer(activation(p));
                case "Dropout" -> new Dropout(p.number("rate"));
                case "SpatialDropout2D" -> new SpatialDropout2D(p.number("rate"));
                case "Conv2D" -> new Conv2D(p.integer("filters"), size(p, "kernel_size", null), size(p, "strides", Size2.square(1)),
                        Padding.parse(p.string("padding", "valid")), size(p, "dilation_rate", Size2.square(1)), activation(p),
                        p.bool("use_bias", true), initializer(p, "kernel_initializer", "glorot_uniform"),
                        initializer(p, "bias_initializer", "zeros"), regularizer(p));
                case "MaxPooling2D" -> new MaxPooling2D(size(p, "pool_size", Size2.square(2)), size(p, "strides", null),
                        Padding.parse(p.string("padding", "valid")));
                case "AveragePooling2D" -> new AveragePooling2D(size(p, "pool_size", Size2.square(2)), size(p, "strides", null),
                        Padding.parse(p.string("padding", "valid")));
                case "GlobalAveragePooling2D" -> new GlobalAveragePooling2D();
                case "GlobalMaxPooling2D" -> new GlobalMaxPooling2D();
                case "Flatten" -> new Flatten();
                case "Reshape" -> new Reshape(Shape.of(p.ints("target_shape")));
                case "BatchNormalization" -> new BatchNormalization(p.number("momentum", 0.99), p.number("epsilon", 1e-3),
                        p.bool("center", true), p.bool("scale", true));
                case "LayerNormalization" -> new LayerNormalization(p.number("epsilon", 1e-3));
                case "Add" -> new MergeLayer(Merge.Kind.ADD);
                case "Subtract" -> new MergeLayer(Merge.Kind.SUBTRACT);
                case "Multiply" -> new MergeLayer(Merge.Kind.MULTIPLY);
                case "Average" -> new MergeLayer(Merge.Kind.AVERAGE);
                case "Concatenate" -> new Concatenate(p.integer("axis", -1));
                default -> throw new JsonFields.FieldError(path, "unknown layer kind '" + kind + "'; known kinds: "
                        + String.join(", ", KINDS));
            };
        } catch (JsonFields.FieldError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonFields.FieldError(path, e.getMessage());
        }
    }

    private static JsonArray ints(int[] v) {
        JsonArray a = new JsonArray();
        for (int x : v) {
            a.add(x);
        }
        return a;
    }

    private static JsonArray size(Size2 s) {
        return ints(new int[] {s.h(), s.w()});
    }

    private static Size2 size(JsonFields p, String field, Size2 fallback) {
        if (!p.has(field)) {
            if (fallback == null && field.equals("kernel_size")) {
                throw new JsonFields.FieldError(p.path(field), "is missing");
            }
            return fallback;
        }
        if (p.raw(field).isJsonPrimitive()) {
            return Size2.square(p.integer(field));
        }
        int[] v = p.ints(field);
        if (v.length != 2) {
            throw new JsonFields.FieldError(p.path(field), "expected [height, width], found " + v.length + " numbers");
        }
        return new Size2(v[0], v[1]);
    }

    private static void pool(JsonObject o, Size2 pool, Size2 strides, Padding padding) {
        o.add("pool_size", size(pool));
        o.add("strides", size(strides));
        o.addProperty("padding", padding.kerasName());
    }

    private static void activation(JsonObject o, Activation a) {
        o.addProperty("activation", a.name());
        if (a.function().hasAlpha() && a.alpha() != a.function().defaultAlpha()) {
            o.addProperty("alpha", a.alpha());
        }
    }

    private static Activation activation(JsonFields p) {
        Activation a = Activation.parse(p.string("activation", "linear"));
        return p.has("alpha") ? new Activation(a.function(), p.number("alpha")) : a;
    }

    private static Initializer initializer(JsonFields p, String field, String fallback) {
        return Initializer.parse(p.string(field, fallback));
    }

    private static void regularizer(JsonObject o, Regularizer r) {
        if (!r.isNone()) {
            JsonObject j = new JsonObject();
            j.addProperty("l1", r.l1());
            j.addProperty("l2", r.l2());
            o.add("kernel_regularizer", j);
        }
    }

    private static Regularizer regularizer(JsonFields p) {
        if (!p.has("kernel_regularizer")) {
            return Regularizer.NONE;
        }
        JsonFields r = p.object("kernel_regularizer");
        return new Regularizer(r.number("l1", 0), r.number("l2", 0));
    }
}
