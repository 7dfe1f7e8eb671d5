package org.layerlab.engine.ops;

import java.util.Locale;

/**
 * Elementwise activations with Keras names and formulas. The math is written once, in double, as
 * {@link #value} and {@link #derivative}: the float kernels in {@link Activate} call it, and the
 * gradient check tests it in double precision. Softmax works on a whole row: see {@link Softmax}.
 */
public enum ActivationFunction {
    LINEAR("linear", 0),
    SIGMOID("sigmoid", 0),
    TANH("tanh", 0),
    RELU("relu", 0),
    /** Keras 3 default negative_slope. */
    LEAKY_RELU("leaky_relu", 0.2),
    ELU("elu", 1.0),
    SELU("selu", 0),
    GELU("gelu", 0),
    SILU("silu", 0),
    SOFTPLUS("softplus", 0),
    SOFTMAX("softmax", 0),
    /** min(max(x, 0), 6). */
    RELU6("relu6", 0),
    /** Keras 3: relu6(x + 3) / 6 (Keras 2 used 0.2·x + 0.5). */
    HARD_SIGMOID("hard_sigmoid", 0),
    /** x · hard_sigmoid(x); Keras also accepts "hard_swish". */
    HARD_SILU("hard_silu", 0),
    /** x · tanh(softplus(x)). */
    MISH("mish", 0),
    EXPONENTIAL("exponential", 0),
    /** x / (1 + |x|). */
    SOFTSIGN("softsign", 0),
    /** x for x ≥ 0, else α·(exp(x/α) − 1); α > 0. */
    CELU("celu", 1.0),
    /** x − log Σ exp(x) over the last axis: see {@link LogSoftmax}. */
    LOG_SOFTMAX("log_softmax", 0);

    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;
    private static final double INV_SQRT2 = 0.70710678118654752440;
    private static final double INV_SQRT_2PI = 0.39894228040143267794;

    private final String kerasName;
    private final double defaultAlpha;

    ActivationFunction(String kerasName, double defaultAlpha) {
        this.kerasName = kerasName;
        this.defaultAlpha = defaultAlpha;
    }

    public String kerasName() {
        return kerasName;
    }

    /** The slope (leaky_relu) or saturation (elu) used when none is given; 0 for the others. */
    public double defaultAlpha() {
        return defaultAlpha;
    }

    public boolean hasAlpha() {
        return this == LEAKY_RELU || this == ELU || this == CELU;
    }

    /** Softmax and log_softmax work on a whole row (the last axis), not one value at a time. */
    public boolean isRowwise() {
        return this == SOFTMAX || this == LOG_SOFTMAX;
    }

    public static ActivationFunction fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("swish")) {
            return SILU;
        }
        if (n.equals("hard_swish")) {
            return HARD_SILU;
        }
        for (ActivationFunction f : values()) {
            if (f.kerasName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; choose one of " + names());
    }

    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (ActivationFunction f : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f.kerasName);
        }
        return sb.toString();
    }

    /** f(x). */
    public double value(double x, double alpha) {
        switch (this) {
            case LINEAR: return x;
            case SIGMOID: return sigmoid(x);
            case TANH: return Math.tanh(x);
            case RELU: return x > 0 ? x : 0;
            case LEAKY_RELU: return x > 0 ? x : alpha * x;
            case ELU: return x > 0 ? x : alpha * Math.expm1(x);
            case SELU: return SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
            case GELU: return 0.5 * x * (1 + Erf.erf(x * INV_SQRT2));
            case SILU: return x * sigmoid(x);
            case SOFTPLUS: return softplus(x);
            case RELU6: return Math.min(Math.max(x, 0), 6);
            case HARD_SIGMOID: return hardSigmoid(x);
            case HARD_SILU: return x * hardSigmoid(x);
            case MISH: return x * Math.tanh(softplus(x));
            case EXPONENTIAL: return Math.exp(x);
            case SOFTSIGN: return x / (1 + Math.abs(x));
            case CELU: return x >= 0 ? x : alpha * Math.expm1(x / alpha);
            default: throw new IllegalStateException(this + " is not elementwise");
        }
    }

    /** f'(x), given x and y = f(x) (several derivatives are cheapest from y). */
    public double derivative(double x, double y, double alpha) {
        switch (this) {
            case LINEAR: return 1;
            case SIGMOID: return y * (1 - y);
            case TANH: return 1 - y * y;
            case RELU: return x > 0 ? 1 : 0;
            case LEAKY_RELU: return x > 0 ? 1 : alpha;
            case ELU: return x > 0 ? 1 : y + alpha;
            case SELU: return x > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA;
            case GELU: return 0.5 * (1 + Erf.erf(x * INV_SQRT2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
            case SILU: {
                double s = sigmoid(x);
                return s * (1 + x * (1 - s));
            }
            case SOFTPLUS: return sigmoid(x);
            case RELU6: return x > 0 && x < 6 ? 1 : 0;
            case HARD_SIGMOID: return x > -3 && x < 3 ? 1.0 / 6 : 0;
            case HARD_SILU: return x <= -3 ? 0 : x >= 3 ? 1 : (2 * x + 3) / 6;
            case MISH: {
                double t = Math.tanh(softplus(x));
                return t + x * sigmoid(x) * (1 - t * t);
            }
            case EXPONENTIAL: return y;
            case SOFTSIGN: {
                double d = 1 + Math.abs(x);
                return 1 / (d * d);
            }
            case CELU: return x >= 0 ? 1 : Math.exp(x / alpha);
            default: throw new IllegalStateException(this + " is not elementwise");
        }
    }

    /** log(1 + eˣ) without overflow for large |x|. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double hardSigmoid(double x) {
        return Math.min(Math.max(x + 3, 0), 6) / 6;
    }

    /** Sigmoid without overflow for large |x|. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
