package org.layerlab.nn.layers;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The list of layer kinds, read from {@link LayerSpec}'s {@code permits} clause: each permitted
 * record declares {@code public static final LayerKind KIND} (or {@code List<LayerKind> KINDS}
 * when one record serves several kinds). A record that implements LayerSpec without being
 * permitted does not compile; a permitted one without a kind fails here, in every test.
 */
public final class LayerKinds {
    private static final List<LayerKind> ALL = collect();
    private static final Map<String, LayerKind> BY_NAME = index(ALL);

    private LayerKinds() {
    }

    /** Every kind, in palette order (the order of the permits clause). */
    public static List<LayerKind> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(LayerKind::name).toList();
    }

    /** The kind with this Keras name, or an error that lists the known ones. */
    public static LayerKind named(String name) {
        LayerKind k = BY_NAME.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown layer kind '" + name + "'; known kinds: " + String.join(", ", names()));
        }
        return k;
    }

    public static LayerKind of(LayerSpec spec) {
        return named(spec.kind());
    }

    private static List<LayerKind> collect() {
        List<LayerKind> out = new ArrayList<>();
        for (Class<?> c : LayerSpec.class.getPermittedSubclasses()) {
            out.addAll(kindsOf(c));
        }
        return List.copyOf(out);
    }

    private static List<LayerKind> kindsOf(Class<?> c) {
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())) {
                continue;
            }
            try {
                if (f.getName().equals("KIND") && f.getType() == LayerKind.class) {
                    return List.of(checked(c, (LayerKind) f.get(null)));
                }
                if (f.getName().equals("KINDS") && f.getType() == List.class) {
                    List<LayerKind> kinds = new ArrayList<>();
                    for (Object k : (List<?>) f.get(null)) {
                        kinds.add(checked(c, (LayerKind) k));
                    }
                    return kinds;
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(c.getSimpleName() + ": cannot read its kind", e);
            }
        }
        throw new IllegalStateException(c.getSimpleName()
                + " is a LayerSpec but declares no 'public static final LayerKind KIND': see LayerKind");
    }

    private static LayerKind checked(Class<?> c, LayerKind k) {
        if (k.type() != c) {
            throw new IllegalStateException(c.getSimpleName() + ".KIND describes " + k.type().getSimpleName());
        }
        return k;
    }

    private static Map<String, LayerKind> index(List<LayerKind> kinds) {
        Map<String, LayerKind> m = new LinkedHashMap<>();
        for (LayerKind k : kinds) {
            if (m.put(k.name(), k) != null) {
                throw new IllegalStateException("two layer kinds named " + k.name());
            }
        }
        return m;
    }
}
