package org.layerlab.nn.schedules;

import org.layerlab.nn.Checks;

/** Keras ExponentialDecay: initial · rate^(step / decaySteps), the exponent floored when staircase. */
public record ExponentialDecay(double initialRate, long decaySteps, double decayRate, boolean staircase)
        implements LearningRateSchedule {
    public ExponentialDecay {
        Checks.positive("ExponentialDecay", "initial_learning_rate", initialRate);
        Checks.positive("ExponentialDecay", "decay_steps", (int) Math.min(decaySteps, Integer.MAX_VALUE));
        Checks.positive("ExponentialDecay", "decay_rate", decayRate);
    }

    @Override
    public double at(long step) {
        double p = (double) step / decaySteps;
        return initialRate * Math.pow(decayRate, staircase ? Math.floor(p) : p);
    }
}
