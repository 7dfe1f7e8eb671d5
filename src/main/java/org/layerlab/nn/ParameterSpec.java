package org.layerlab.nn;

import java.util.Objects;

/**
 * One tensor a layer creates, as its spec declares it for given input shapes: Keras' name
 * ("kernel", "bias", "moving_mean"), its dims and how it starts. The parameter count, the build and
 * the exporters all read these, so the count cannot drift from what the layer really creates.
 *
 * @param initializer how a trainable tensor starts (with fanIn and fanOut for the variance-scaled
 *                    kinds); null for state, which starts at {@code initial}
 * @param trainable   false for state such as moving statistics: saved, counted, never optimized
 */
public record ParameterSpec(String name, int[] dims, Initializer initializer, int fanIn, int fanOut,
                            Regularizer regularizer, boolean trainable, float initial) {
    public ParameterSpec {
        Objects.requireNonNull(name);
        dims = dims.clone();
        if (trainable) {
            Objects.requireNonNull(initializer, name + ": a trainable parameter needs an initializer");
        }
    }

    public static ParameterSpec trainable(String name, int[] dims, Initializer init, int fanIn, int fanOut,
                                          Regularizer regularizer) {
        return new ParameterSpec(name, dims, init, fanIn, fanOut, regularizer, true, 0f);
    }

    public static ParameterSpec state(String name, int[] dims, float initial) {
        return new ParameterSpec(name, dims, null, 0, 0, null, false, initial);
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    public long size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }
}
