package org.layerlab.nn.schedules;

import java.util.Arrays;

/**
 * Keras' PiecewiseConstantDecay: values[0] up to and including step boundaries[0], values[1] up to
 * boundaries[1], ..., the last value after the last boundary (on a boundary, the earlier value).
 */
public record PiecewiseConstantDecay(long[] boundaries, double[] values) implements LearningRateSchedule {
    public PiecewiseConstantDecay {
        if (boundaries == null || values == null || values.length != boundaries.length + 1) {
            throw new IllegalArgumentException("PiecewiseConstantDecay: values must have one more entry than boundaries."
                    + " Received: " + (boundaries == null ? 0 : boundaries.length) + " boundaries, "
                    + (values == null ? 0 : values.length) + " values");
        }
        for (int i = 1; i < boundaries.length; i++) {
            if (boundaries[i] <= boundaries[i - 1]) {
                throw new IllegalArgumentException("PiecewiseConstantDecay: boundaries must increase. Received: "
                        + Arrays.toString(boundaries));
            }
        }
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("PiecewiseConstantDecay: every value must be a positive rate. Received: "
                        + Arrays.toString(values));
            }
        }
        boundaries = boundaries.clone();
        values = values.clone();
    }

    @Override
    public double at(long step) {
        for (int i = 0; i < boundaries.length; i++) {
            if (step <= boundaries[i]) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    @Override
    public long[] boundaries() {
        return boundaries.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PiecewiseConstantDecay p && Arrays.equals(boundaries, p.boundaries)
                && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(boundaries) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PiecewiseConstantDecay" + Arrays.toString(boundaries) + Arrays.toString(values);
    }
}
