package org.layerlab.nn.schedules;

import org.layerlab.nn.Checks;

/** initial · factor^⌊step / stepSize⌋: the rate drops by {@code factor} every {@code stepSize} steps. */
public record StepDecay(double initialRate, double factor, long stepSize) implements LearningRateSchedule {
    public StepDecay {
        Checks.positive("StepDecay", "initial_learning_rate", initialRate);
        Checks.positive("StepDecay", "factor", factor);
        Checks.positive("StepDecay", "step_size", (int) Math.min(stepSize, Integer.MAX_VALUE));
    }

    @Override
    public double at(long step) {
        return initialRate * Math.pow(factor, step / stepSize);
    }
}
