package org.layerlab.export.core;

import java.util.Map;

import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerSpec;

/** One format's translations by layer kind; the Input layer is every format's graph input and needs none. */
public final class Translations<C> {
    private final Map<Class<? extends LayerSpec>, LayerTranslation<?, C>> byType;

    public Translations(Map<Class<? extends LayerSpec>, LayerTranslation<?, C>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public boolean supports(LayerKind kind) {
        return kind.type() == Input.class || byType.containsKey(kind.type());
    }

    /** What stops this layer from going out in the format with its options and mask, or null. */
    public String problem(ExportPlan.Step step) {
        LayerSpec spec = step.node().spec();
        return spec instanceof Input ? null : problem(spec, step);
    }

    /** Writes the layer through the format's context; only for supported kinds. */
    public <S extends LayerSpec> String emit(S spec, C context) {
        return of(spec).emit(context, spec);
    }

    private <S extends LayerSpec> String problem(S spec, ExportPlan.Step step) {
        return of(spec).problem(spec, step, step.masked());
    }

    @SuppressWarnings("unchecked")
    private <S extends LayerSpec> LayerTranslation<S, C> of(S spec) {
        LayerTranslation<?, C> t = byType.get(spec.getClass());
        if (t == null) {
            throw new IllegalArgumentException("no translation for " + spec.kind() + ": check supports() first");
        }
        return (LayerTranslation<S, C>) t;
    }
}
