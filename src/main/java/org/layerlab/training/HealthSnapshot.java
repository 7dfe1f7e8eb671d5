package org.layerlab.training;

import java.util.List;

/** {@link LayerHealth} of every layer with weights, at one step, plus whether validation loss is rising while training loss falls. */
public record HealthSnapshot(long step, List<LayerHealth> layers, boolean overfitting, double loss) implements Snapshot {
    /** Below this training loss, gradients near zero mean the data is fit, not that they vanished. */
    public static final double CONVERGED_LOSS = 1e-4;

    public boolean converged() {
        return loss < CONVERGED_LOSS;
    }
}
