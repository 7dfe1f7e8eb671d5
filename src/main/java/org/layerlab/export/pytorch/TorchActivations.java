package org.layerlab.export.pytorch;

import org.layerlab.nn.Activation;

/**
 * Keras activations as PyTorch calls. They agree with Keras 3 as they are: F.gelu is the exact
 * (erf) form Keras uses by default, F.hardsigmoid is relu6(x + 3) / 6 as in Keras 3 (Keras 2 used
 * 0.2·x + 0.5), F.hardswish is hard_silu; softmax is over the last axis.
 */
final class TorchActivations {
    private TorchActivations() {
    }

    /** The activation applied to the expression x; x itself when linear. */
    static String apply(Activation a, String x) {
        String alpha = py(a.alpha());
        return switch (a.function()) {
            case LINEAR -> x;
            case SIGMOID -> "torch.sigmoid(" + x + ")";
            case TANH -> "torch.tanh(" + x + ")";
            case RELU -> "F.relu(" + x + ")";
            case LEAKY_RELU -> "F.leaky_relu(" + x + ", " + alpha + ")";
            case ELU -> "F.elu(" + x + ", " + alpha + ")";
            case SELU -> "F.selu(" + x + ")";
            case CELU -> "F.celu(" + x + ", " + alpha + ")";
            case GELU -> "F.gelu(" + x + ")";
            case SILU -> "F.silu(" + x + ")";
            case SOFTPLUS -> "F.softplus(" + x + ")";
            case SOFTSIGN -> "F.softsign(" + x + ")";
            case SOFTMAX -> "torch.softmax(" + x + ", dim=-1)";
            case LOG_SOFTMAX -> "F.log_softmax(" + x + ", dim=-1)";
            case RELU6 -> "F.relu6(" + x + ")";
            case HARD_SIGMOID -> "F.hardsigmoid(" + x + ")";
            case HARD_SILU -> "F.hardswish(" + x + ")";
            case MISH -> "F.mish(" + x + ")";
            case EXPONENTIAL -> "torch.exp(" + x + ")";
        };
    }

    /** A finite double as a Python literal. */
    static String py(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) + ".0" : Double.toString(v);
    }
}
