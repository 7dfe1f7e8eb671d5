package org.layerlab.training;

import org.layerlab.nn.Checks;

/**
 * Keras EarlyStopping: stop when {@code monitor} ("val_loss", "loss", "val_accuracy", ...) has not
 * improved by more than minDelta for {@code patience} epochs; losses must fall, accuracies rise.
 */
public record EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBestWeights) {
    public EarlyStopping {
        Checks.notNull("EarlyStopping", "monitor", monitor);
        if (patience < 0) {
            throw new IllegalArgumentException("EarlyStopping: patience must be zero or positive. Received: patience=" + patience);
        }
        Checks.nonNegative("EarlyStopping", "min_delta", minDelta);
    }

    public boolean higherIsBetter() {
        return monitor.contains("acc");
    }

    /** True when value beats best by more than minDelta. */
    public boolean improves(double value, double best) {
        if (Double.isNaN(best)) {
            return !Double.isNaN(value);
        }
        return higherIsBetter() ? value > best + minDelta : value < best - minDelta;
    }
}
