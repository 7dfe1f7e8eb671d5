package org.layerlab.nn.layers;

import org.layerlab.engine.Shape;
import org.layerlab.nn.ShapeException;

/** Shared checks of the layers that take sequences (time, features), batch first as in Keras. */
final class Sequences {
    private Sequences() {
    }

    static Shape requireSequence(String kind, Shape in) {
        if (in.rank() == 2) {
            return in;
        }
        if (in.rank() == 1) {
            throw new ShapeException(kind + " needs a sequence (time, features) but receives " + in + ": insert Reshape to ("
                    + in.dim(0) + ", 1) to read it as " + in.dim(0) + " steps of one value, or Embedding for token ids",
                    ShapeException.Remedy.INSERT_RESHAPE_TO_STEPS);
        }
        throw new ShapeException(kind + " needs a sequence (time, features) but receives " + in
                + ": insert Reshape to (time, features) before it");
    }
}
