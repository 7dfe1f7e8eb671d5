package org.layerlab.training;

import java.util.List;

/** {@link LayerHealth} of every layer with weights, at one step, plus whether validation loss is rising while training loss falls. */
public record HealthSnapshot(long step, List<LayerHealth> layers, boolean overfitting) implements Snapshot {
}
