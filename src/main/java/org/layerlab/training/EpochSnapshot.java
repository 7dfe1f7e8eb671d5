package org.layerlab.training;

import org.layerlab.nn.network.Network;

/**
 * A view's copy of what the network does, taken after each epoch on the training thread (a
 * forecast, attention weights, states, written text), or once from saved weights (step −1).
 */
@FunctionalInterface
public interface EpochSnapshot {
    /** The snapshot, or null when there is nothing to show. */
    Snapshot take(Network net, long step, int epoch);
}
