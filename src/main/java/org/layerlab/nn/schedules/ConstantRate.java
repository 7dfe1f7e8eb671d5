package org.layerlab.nn.schedules;

import org.layerlab.nn.Checks;

/** The same learning rate at every step. */
public record ConstantRate(double rate) implements LearningRateSchedule {
    public ConstantRate {
        Checks.positive("learning rate", "learning_rate", rate);
    }

    @Override
    public double at(long step) {
        return rate;
    }
}
