package org.layerlab.training;

/**
 * Receives training events on the training thread, in order; implementations hand them on
 * quickly (a UI queues them) and must not block training.
 */
public interface TrainingListener {
    default void onBatch(BatchEvent event) {
    }

    default void onEpoch(EpochEvent event) {
    }

    /** Training ended normally, was stopped, stopped early, or failed: the result says which. */
    default void onFinished(TrainingResult result) {
    }
}
