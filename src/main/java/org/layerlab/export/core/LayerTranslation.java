package org.layerlab.export.core;

import org.layerlab.nn.layers.LayerSpec;

/**
 * How one layer kind goes out in one format: the code (ONNX nodes, a line of Python) it writes
 * through the format's context C, and what about its options the format cannot say. Each format
 * lists its translations in one {@link Translations} table.
 */
public interface LayerTranslation<S extends LayerSpec, C> {
    /** Writes the layer (without its built-in activation, which the exporter adds) and returns what names its output. */
    String emit(C context, S spec);

    /**
     * Why these particular options cannot go out (the kind otherwise can), or null; masked says a
     * padding mask (Embedding's mask_zero) reaches the layer.
     */
    default String problem(S spec, ExportPlan.Step step, boolean masked) {
        return null;
    }
}
