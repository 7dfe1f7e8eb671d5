package org.layerlab.training;

/**
 * What a run reports in order, each one kept: a batch, an epoch, the end. A feed queues these
 * for the UI; {@link Snapshot}s, which only the newest of matters, travel beside them.
 */
public sealed interface RunEvent permits BatchEvent, EpochEvent, TrainingResult {
}
