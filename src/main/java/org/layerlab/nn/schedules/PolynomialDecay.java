package org.layerlab.nn.schedules;

import org.layerlab.nn.Checks;

/**
 * Keras' PolynomialDecay: (initial − end)·(1 − step/decaySteps)^power + end, holding end after
 * decaySteps; with cycle, decaySteps grows to the first multiple above the step, so the rate
 * jumps back up and decays again. Keras' default end_learning_rate is 1e-4 and power 1 (linear).
 */
public record PolynomialDecay(double initialRate, long decaySteps, double endRate, double power, boolean cycle)
        implements LearningRateSchedule {
    public PolynomialDecay {
        Checks.positive("PolynomialDecay", "initial_learning_rate", initialRate);
        Checks.positive("PolynomialDecay", "decay_steps", (int) Math.min(decaySteps, Integer.MAX_VALUE));
        Checks.nonNegative("PolynomialDecay", "end_learning_rate", endRate);
        Checks.positive("PolynomialDecay", "power", power);
    }

    @Override
    public double at(long step) {
        double steps = decaySteps;
        double s = step;
        if (cycle) {
            steps *= step == 0 ? 1 : Math.ceil(s / decaySteps);
        } else {
            s = Math.min(s, steps);
        }
        return (initialRate - endRate) * Math.pow(1 - s / steps, power) + endRate;
    }
}
