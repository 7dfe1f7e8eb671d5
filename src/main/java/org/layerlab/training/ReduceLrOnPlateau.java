package org.layerlab.training;

import org.layerlab.nn.Checks;

/**
 * Keras' ReduceLROnPlateau as a training option: when {@code monitor} has not improved by more
 * than minDelta for {@code patience} epochs, the learning rate is multiplied by {@code factor}
 * (not below minLr), then nothing happens for {@code cooldown} epochs. Losses must fall,
 * accuracies rise. A reduced rate replaces any schedule from then on (Keras refuses to set the
 * rate of a scheduled optimizer at all).
 */
public record ReduceLrOnPlateau(String monitor, double factor, int patience, double minDelta, int cooldown, double minLr) {
    public ReduceLrOnPlateau {
        Checks.notNull("ReduceLROnPlateau", "monitor", monitor);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: factor must be between 0 and 1 (exclusive). Received: factor="
                    + factor);
        }
        if (patience < 0 || cooldown < 0) {
            throw new IllegalArgumentException("ReduceLROnPlateau: patience and cooldown must be zero or positive. Received: "
                    + "patience=" + patience + ", cooldown=" + cooldown);
        }
        Checks.nonNegative("ReduceLROnPlateau", "min_delta", minDelta);
        Checks.nonNegative("ReduceLROnPlateau", "min_lr", minLr);
    }

    /** Keras' defaults: val_loss, factor 0.1, patience 10, min_delta 1e-4, no cooldown, min_lr 0. */
    public static ReduceLrOnPlateau defaults() {
        return new ReduceLrOnPlateau("val_loss", 0.1, 10, 1e-4, 0, 0);
    }

    public boolean higherIsBetter() {
        return monitor.contains("acc");
    }

    /** The state of one run: call {@link #epochEnded} after each epoch. */
    public Watch watch() {
        return new Watch();
    }

    /** Counts epochs without improvement as Keras does (the wait, the best, the cooldown). */
    public final class Watch {
        private double best = Double.NaN;
        private int wait;
        private int cooldownLeft;

        private Watch() {
        }

        /** The epoch's monitored value and the rate in use; returns the new rate, or the same one. */
        public double epochEnded(double value, double rate) {
            if (cooldownLeft > 0) {
                cooldownLeft--;
                wait = 0;
            }
            if (improves(value)) {
                best = value;
                wait = 0;
            } else if (cooldownLeft == 0) {
                wait++;
                if (wait >= patience && rate > minLr) {
                    cooldownLeft = cooldown;
                    wait = 0;
                    return Math.max(rate * factor, minLr);
                }
            }
            return rate;
        }

        private boolean improves(double value) {
            if (Double.isNaN(best)) {
                return !Double.isNaN(value);
            }
            return higherIsBetter() ? value > best + minDelta : value < best - minDelta;
        }
    }
}
