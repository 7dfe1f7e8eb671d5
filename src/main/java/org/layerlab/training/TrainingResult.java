package org.layerlab.training;

import java.util.List;

/**
 * How a run ended and its per-epoch history. On {@link Outcome#FAILED}, {@code message} says what
 * went wrong in words for the user and {@code offendingLayer} names the layer (or null).
 */
public record TrainingResult(Outcome outcome, List<EpochEvent> history, long steps, String message,
                             String offendingLayer) implements RunEvent {
    /** Why the run ended. */
    public enum Outcome { COMPLETED, STOPPED, EARLY_STOPPED, FAILED }

    public TrainingResult {
        // Compact (see EpochHistory): a copy of a run of 300,000 epochs as events would undo what it saves.
        history = EpochHistory.of(history);
    }

    public EpochEvent last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
