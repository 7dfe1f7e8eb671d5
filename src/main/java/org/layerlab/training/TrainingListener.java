package org.layerlab.training;

/**
 * Receives training events on the training thread, in order; implementations hand them on
 * quickly (a UI queues them) and must not block training.
 */
public interface TrainingListener {
    /**
     * Before each batch, after a pause has been waited out: the place to change what the next
     * step uses (its optimizer, its rate), so a change made while paused applies to the very
     * first batch after resuming.
     */
    default void beforeBatch() {
    }

    default void onBatch(BatchEvent event) {
    }

    default void onEpoch(EpochEvent event) {
    }

    /** Training ended normally, was stopped, stopped early, or failed: the result says which. */
    default void onFinished(TrainingResult result) {
    }
}
