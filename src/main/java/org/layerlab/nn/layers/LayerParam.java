package org.layerlab.nn.layers;

import java.util.List;
import java.util.Objects;

/**
 * One option of a layer kind, named as Keras names it in a layer's config ("units",
 * "kernel_size"). The name is the snake_case of the record component that holds it, which is how
 * {@link LayerKind} reads and builds specs without code per kind.
 *
 * @param defaultValue the value when a file or the inspector leaves the option out; null with
 *                     {@code required} means there is none, null without it means the record
 *                     chooses (e.g. pooling strides default to the pool size)
 * @param min          smallest allowed value of an INT or FLOAT option (inclusive)
 * @param max          largest allowed value of an INT or FLOAT option (inclusive)
 * @param choices      the words a CHOICE option accepts
 * @param help         one line for tooltips: what the option does
 */
public record LayerParam(String name, ParamType type, Object defaultValue, boolean required, double min, double max,
                         List<String> choices, String help) {
    public LayerParam {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(help);
        choices = List.copyOf(choices);
        if (defaultValue != null && !type.valueType().isInstance(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not a " + type);
        }
    }

    /** An option every file must give (Dense's units). */
    public static LayerParam required(String name, ParamType type, String help) {
        return new LayerParam(name, type, null, true, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, List.of(), help);
    }

    /** An option with a default (Keras' default). */
    public static LayerParam optional(String name, ParamType type, Object defaultValue, String help) {
        return new LayerParam(name, type, defaultValue, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                List.of(), help);
    }

    public static LayerParam choice(String name, String defaultValue, List<String> choices, String help) {
        return new LayerParam(name, ParamType.CHOICE, defaultValue, false, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, choices, help);
    }

    /** The same option limited to [min, max]; the record's constructor still has the last word. */
    public LayerParam range(double newMin, double newMax) {
        return new LayerParam(name, type, defaultValue, required, newMin, newMax, choices, help);
    }
}
