package org.layerlab.export.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.layerlab.engine.Shape;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Edges;
import org.layerlab.nn.Ends;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.Size2;
import org.layerlab.nn.layers.Bidirectional;
import org.layerlab.nn.layers.Concatenate;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerParam;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.MultiHeadAttention;
import org.layerlab.nn.layers.RealOrFake;

/**
 * One layer as a line of Keras' functional API. LayerLab's kinds and options already carry
 * Keras' names and defaults, so most layers are written from their {@link LayerKind}'s options
 * alone: required options by position, the others by keyword and only when they differ from the
 * default. The exceptions are the layers whose Keras call differs from their options: merges
 * (a list of inputs), MultiHeadAttention (use_causal_mask is a call argument), Bidirectional (a
 * wrapped layer) and the kinds Keras lacks ({@link KerasOwnClasses}: the script defines them).
 */
final class KerasCode {
    /** Options Keras' constructors require although LayerLab gives them a default: always written. */
    static final Set<String> ALWAYS = Set.of("Activation/activation", "MaxPooling2D/pool_size",
            "AveragePooling2D/pool_size", "MaxPooling1D/pool_size", "AveragePooling1D/pool_size");

    private KerasCode() {
    }

    /** "layers.Dense(4, activation=\"tanh\", name=\"dense\")(x)" for this layer and its input variables. */
    static String call(LayerSpec spec, String name, List<String> inputs) {
        String named = "name=\"" + name + "\"";
        if (spec instanceof RealOrFake) {
            // The generator's output: a GAN exports its generator, which ends here (ExportPlan).
            return "layers.Identity(" + named + ")(" + inputs.get(0) + ")";
        }
        if (spec instanceof MergeLayer) {
            return "layers." + spec.kind() + "(" + named + ")([" + String.join(", ", inputs) + "])";
        }
        if (spec instanceof Concatenate c) {
            return "layers.Concatenate(" + (c.axis() == -1 ? "" : "axis=" + c.axis() + ", ") + named + ")(["
                    + String.join(", ", inputs) + "])";
        }
        if (spec instanceof MultiHeadAttention m) {
            List<String> args = arguments(spec, List.of("use_causal_mask", "value_dim", "output_shape"));
            if (m.valueDim() > 0) {
                args.add("value_dim=" + m.valueDim());
            }
            if (m.outputShape() > 0) {
                args.add("output_shape=" + m.outputShape());
            }
            args.add(named);
            List<String> in = new ArrayList<>(inputs);
            if (in.size() == 1) {
                in.add(inputs.get(0));
            }
            return "layers.MultiHeadAttention(" + String.join(", ", args) + ")(" + String.join(", ", in)
                    + (m.useCausalMask() ? ", use_causal_mask=True" : "") + ")";
        }
        if (spec instanceof Bidirectional b) {
            String inner = "layers." + b.layer() + "(" + b.units() + (b.returnSequences() ? ", return_sequences=True" : "") + ")";
            return "layers.Bidirectional(" + inner + (b.mergeMode().equals("concat") ? "" : ", merge_mode=\"" + b.mergeMode()
                    + "\"") + ", " + named + ")(" + inputs.get(0) + ")";
        }
        List<String> args = arguments(spec, List.of());
        args.add(named);
        String type = KerasOwnClasses.has(spec) ? spec.kind() : "layers." + spec.kind();
        String in = inputs.size() == 1 ? inputs.get(0) : "[" + String.join(", ", inputs) + "]";
        return type + "(" + String.join(", ", args) + ")(" + in + ")";
    }

    /** Why Keras cannot take this layer as it is, or null. */
    static String problem(LayerSpec spec) {
        if (spec instanceof org.layerlab.nn.layers.HasActivation h) {
            Activation a = h.activation();
            if (a.function().hasAlpha() && a.alpha() != a.function().defaultAlpha()) {
                return "Keras' activation names take no alpha (" + a + "): use a LeakyReLU or ELU layer instead, or the"
                        + " default alpha";
            }
        }
        return null;
    }

    /** Required options by position, then the others that differ from their default by keyword. */
    private static List<String> arguments(LayerSpec spec, List<String> skip) {
        LayerKind kind = spec.descriptor();
        Map<String, Object> values = kind.values(spec);
        List<String> out = new ArrayList<>();
        for (LayerParam p : kind.params()) {
            Object v = values.get(p.name());
            if (skip.contains(p.name()) || v == null) {
                continue;
            }
            if (p.required()) {
                out.add(literal(v));
            } else if (!Objects.equals(v, p.defaultValue()) || ALWAYS.contains(kind.name() + "/" + p.name())) {
                out.add(p.name() + "=" + literal(v));
            }
        }
        return out;
    }

    /** A Python literal for an option value. */
    static String literal(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) (double) d + ".0" : d.toString();
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v instanceof Size2 s) {
            return "(" + s.h() + ", " + s.w() + ")";
        }
        if (v instanceof Shape s) {
            StringBuilder b = new StringBuilder("(");
            for (int d : s.dims()) {
                b.append(d).append(", ");
            }
            return b.append(")").toString().replace(", )", ",)");
        }
        if (v instanceof Ends e) {
            return "(" + e.start() + ", " + e.end() + ")";
        }
        if (v instanceof Edges e) {
            return "((" + e.top() + ", " + e.bottom() + "), (" + e.left() + ", " + e.right() + "))";
        }
        if (v instanceof Padding p) {
            return "\"" + p.name().toLowerCase(Locale.ROOT) + "\"";
        }
        if (v instanceof Activation a) {
            return "\"" + a.name() + "\"";
        }
        if (v instanceof Initializer i) {
            return switch (i.kind()) {
                case RANDOM_NORMAL -> "keras.initializers.RandomNormal(mean=" + literal(i.a()) + ", stddev=" + literal(i.b())
                        + ")";
                case RANDOM_UNIFORM -> "keras.initializers.RandomUniform(minval=" + literal(i.a()) + ", maxval="
                        + literal(i.b()) + ")";
                default -> "\"" + i.kind().kerasName() + "\"";
            };
        }
        if (v instanceof Regularizer r) {
            return "keras.regularizers.L1L2(l1=" + literal(r.l1()) + ", l2=" + literal(r.l2()) + ")";
        }
        throw new IllegalArgumentException("no Python form for " + v.getClass().getSimpleName());
    }
}
