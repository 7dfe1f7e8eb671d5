package org.layerlab.training;

/**
 * A copy of a run's state for a view (weights, decision regions, health, confusion matrix):
 * only the newest of each kind matters, so a feed keeps one per kind. Adding a kind of snapshot
 * is a record here and the view-model that reads it; the feed needs no change.
 */
public sealed interface Snapshot permits WeightSnapshot, BoundarySnapshot, HealthSnapshot, ConfusionMatrix,
        ForecastSnapshot, AttentionSnapshot, StatesSnapshot, TextSamples, GridSnapshot, LatentSnapshot {
    /** The training step it was taken after. */
    long step();

    /** True for snapshots that come once per epoch and should reach the UI at once, not at the next pace tick. */
    default boolean deliverAtOnce() {
        return false;
    }
}
