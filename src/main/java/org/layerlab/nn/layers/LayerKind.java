package org.layerlab.nn.layers;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the rest of LayerLab knows about one layer kind: its Keras name, palette group and
 * words, its options, how many inputs it takes, and a default instance. The codec, the palette,
 * the inspector and the exporters read this and nothing else, so adding a kind touches only its
 * own record.
 *
 * <p>Options map to the record's components by name (Keras' snake_case of the component's
 * camelCase), which is how a spec is read and rebuilt without code per kind. Components that are
 * not options (the arithmetic of Add vs Subtract) are fixed per kind. The mapping is checked when
 * the kind is declared: a component without an option fails every test at once.
 */
public final class LayerKind {
    private final String name;
    private final LayerCategory category;
    private final String description;
    private final String formula;
    private final Class<? extends LayerSpec> type;
    private final List<LayerParam> params;
    private final Map<String, Object> fixed;
    private final int minInputs;
    private final int maxInputs;
    private final Supplier<? extends LayerSpec> example;
    private final RecordComponent[] components;
    private final Constructor<?> constructor;

    private LayerKind(Builder b) {
        this.name = b.name;
        this.category = b.category;
        this.description = Objects.requireNonNull(b.description, b.name + ": no description");
        this.formula = Objects.requireNonNull(b.formula, b.name + ": no formula");
        this.type = b.type;
        this.params = List.copyOf(b.params);
        this.fixed = Map.copyOf(b.fixed);
        this.minInputs = b.minInputs;
        this.maxInputs = b.maxInputs;
        this.example = Objects.requireNonNull(b.example, b.name + ": no example");
        if (!type.isRecord()) {
            throw new IllegalStateException(name + ": a layer spec must be a record");
        }
        this.components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String component = components[i].getName();
            if (fixed.containsKey(component)) {
                continue;
            }
            String option = snake(component);
            if (params.stream().noneMatch(p -> p.name().equals(option))) {
                throw new IllegalStateException(name + ": record component '" + component + "' has no option '"
                        + option + "' (declare it with param(...) or fix(...))");
            }
            covered.add(option);
        }
        for (LayerParam p : params) {
            if (!covered.contains(p.name())) {
                throw new IllegalStateException(name + ": option '" + p.name() + "' matches no record component");
            }
        }
        try {
            this.constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(name + ": no canonical constructor", e);
        }
    }

    public static Builder builder(String name, Class<? extends LayerSpec> type, LayerCategory category) {
        return new Builder(name, type, category);
    }

    /** The Keras class name, as saved in project files: "Dense". */
    public String name() {
        return name;
    }

    public LayerCategory category() {
        return category;
    }

    /** One sentence for the palette's tooltip: what the layer does. */
    public String description() {
        return description;
    }

    public String formula() {
        return formula;
    }

    public Class<? extends LayerSpec> type() {
        return type;
    }

    /** The options, in the order files and the inspector list them. */
    public List<LayerParam> params() {
        return params;
    }

    public int minInputs() {
        return minInputs;
    }

    public int maxInputs() {
        return maxInputs;
    }

    /** A fresh instance with the palette's starting options. */
    public LayerSpec example() {
        return example.get();
    }

    /** The spec's options by name, in {@link #params()} order. */
    public Map<String, Object> values(LayerSpec spec) {
        if (!type.isInstance(spec) || !spec.kind().equals(name)) {
            throw new IllegalArgumentException(name + " cannot read a " + spec.kind());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (LayerParam p : params) {
            out.put(p.name(), read(spec, p.name()));
        }
        return out;
    }

    /**
     * A spec from option values; options left out take their defaults. A required option left
     * out, or a value the record refuses, is an {@link IllegalArgumentException} that says which.
     */
    public LayerSpec create(Map<String, ?> values) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String component = components[i].getName();
            if (fixed.containsKey(component)) {
                args[i] = fixed.get(component);
                continue;
            }
            LayerParam p = param(snake(component));
            Object v = values.containsKey(p.name()) ? values.get(p.name()) : p.defaultValue();
            if (v == null && (p.required() || components[i].getType().isPrimitive())) {
                throw new IllegalArgumentException(name + ": " + p.name() + " is missing");
            }
            if (v != null && !p.type().valueType().isInstance(v)) {
                throw new IllegalArgumentException(name + ": " + p.name() + " must be a " + p.type() + ", not " + v);
            }
            args[i] = v;
        }
        try {
            return type.cast(constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name + ": cannot build the spec", e);
        }
    }

    public LayerParam param(String option) {
        return params.stream().filter(p -> p.name().equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no option '" + option + "'"));
    }

    private Object read(LayerSpec spec, String option) {
        for (RecordComponent c : components) {
            if (snake(c.getName()).equals(option)) {
                try {
                    return c.getAccessor().invoke(spec);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(name + ": cannot read " + option, e);
                }
            }
        }
        throw new IllegalArgumentException(name + " has no option '" + option + "'");
    }

    /** kernelSize → kernel_size. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name;
    }

    /** Declares a kind; see the layer records for examples. */
    public static final class Builder {
        private final String name;
        private final Class<? extends LayerSpec> type;
        private final LayerCategory category;
        private String description;
        private String formula;
        private final List<LayerParam> params = new ArrayList<>();
        private final Map<String, Object> fixed = new LinkedHashMap<>();
        private int minInputs = 1;
        private int maxInputs = 1;
        private Supplier<? extends LayerSpec> example;

        private Builder(String name, Class<? extends LayerSpec> type, LayerCategory category) {
            this.name = Objects.requireNonNull(name);
            this.type = Objects.requireNonNull(type);
            this.category = Objects.requireNonNull(category);
        }

        public Builder describe(String what, String math) {
            this.description = what;
            this.formula = math;
            return this;
        }

        public Builder param(LayerParam p) {
            params.add(p);
            return this;
        }

        /** A record component that is the same for every layer of this kind. */
        public Builder fix(String component, Object value) {
            fixed.put(component, value);
            return this;
        }

        public Builder inputs(int min, int max) {
            this.minInputs = min;
            this.maxInputs = max;
            return this;
        }

        public Builder example(Supplier<? extends LayerSpec> e) {
            this.example = e;
            return this;
        }

        public LayerKind build() {
            return new LayerKind(this);
        }
    }
}
