package org.layerlab.nn;

import org.layerlab.engine.ops.Recurrence;

/** A layer runtime with a recurrent cell, whose states over time the states view shows. */
public interface RecurrentLayer {
    /** The cell, holding the states of the last forward pass. */
    Recurrence recurrence();
}
