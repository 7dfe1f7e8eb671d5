package org.layerlab.nn;

import org.layerlab.engine.ops.ActivationFunction;

/** An activation as a layer option: the function and, for leaky_relu and elu, its alpha. */
public record Activation(ActivationFunction function, double alpha) {
    public static final Activation LINEAR = of(ActivationFunction.LINEAR);
    public static final Activation RELU = of(ActivationFunction.RELU);
    public static final Activation SIGMOID = of(ActivationFunction.SIGMOID);
    public static final Activation TANH = of(ActivationFunction.TANH);
    public static final Activation SOFTMAX = of(ActivationFunction.SOFTMAX);

    public Activation {
        Checks.notNull("Activation", "function", function);
        if (function == ActivationFunction.CELU && !(alpha > 0)) {
            throw new IllegalArgumentException("Activation celu: alpha must be a number > 0. Received: alpha=" + alpha);
        }
        if (!Double.isFinite(alpha) || (function.hasAlpha() && alpha < 0)) {
            throw new IllegalArgumentException("Activation " + function.kerasName()
                    + ": alpha must be a finite number >= 0. Received: alpha=" + alpha);
        }
    }

    public static Activation of(ActivationFunction f) {
        return new Activation(f, f.defaultAlpha());
    }

    /** From a Keras name: "relu", "leaky_relu", "swish"... */
    public static Activation parse(String name) {
        return of(ActivationFunction.fromName(name));
    }

    public boolean isLinear() {
        return function == ActivationFunction.LINEAR;
    }

    public String name() {
        return function.kerasName();
    }

    @Override
    public String toString() {
        return function.hasAlpha() && alpha != function.defaultAlpha() ? name() + "(" + alpha + ")" : name();
    }
}
