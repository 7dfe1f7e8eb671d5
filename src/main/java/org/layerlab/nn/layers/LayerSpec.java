package org.layerlab.nn.layers;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.ShapeException;

/**
 * The configuration of one layer, immutable and free of weights (those live in a
 * {@link ParameterStore}), so a spec can be shared by undo history, files and threads.
 * Shapes here exclude the batch dimension.
 */
public interface LayerSpec {
    /** The Keras class name: "Dense", "Dropout". */
    String kind();

    /** How many inputs the layer takes at least (most layers: exactly one). */
    default int minInputs() {
        return 1;
    }

    default int maxInputs() {
        return 1;
    }

    /**
     * The output shape for these input shapes, or a {@link ShapeException} that says in plain
     * words what does not fit and what to do.
     */
    Shape outputShape(List<Shape> inputs);

    /** Trainable values for these input shapes. */
    long paramCount(List<Shape> inputs);

    /** Creates (or reuses) the layer's parameters and returns its executable form. */
    LayerRuntime build(BuildContext context);

    /** A short label with the key settings, e.g. "Dense 16 relu". */
    String summary();
}
