package org.layerlab.nn.schedules;

import org.layerlab.nn.Checks;

/**
 * Keras CosineDecay: with warmup, the rate rises linearly from {@code initialRate} to
 * {@code warmupTarget} over {@code warmupSteps}, then follows a half cosine from the peak down to
 * alpha · peak over {@code decaySteps}, and stays there.
 */
public record CosineDecay(double initialRate, long decaySteps, double alpha, long warmupSteps, double warmupTarget)
        implements LearningRateSchedule {
    public CosineDecay {
        Checks.nonNegative("CosineDecay", "initial_learning_rate", initialRate);
        Checks.positive("CosineDecay", "decay_steps", (int) Math.min(decaySteps, Integer.MAX_VALUE));
        Checks.inRange("CosineDecay", "alpha", alpha, 0, 1.0000001);
        Checks.nonNegative("CosineDecay", "warmup_steps", warmupSteps);
        if (warmupSteps > 0) {
            Checks.positive("CosineDecay", "warmup_target", warmupTarget);
        }
    }

    public static CosineDecay withoutWarmup(double initialRate, long decaySteps, double alpha) {
        return new CosineDecay(initialRate, decaySteps, alpha, 0, 0);
    }

    @Override
    public double at(long step) {
        double peak = warmupSteps > 0 ? warmupTarget : initialRate;
        if (step < warmupSteps) {
            return initialRate + (warmupTarget - initialRate) * step / warmupSteps;
        }
        double p = Math.min(step - warmupSteps, decaySteps) / (double) decaySteps;
        double cosine = 0.5 * (1 + Math.cos(Math.PI * p));
        return peak * ((1 - alpha) * cosine + alpha);
    }
}
