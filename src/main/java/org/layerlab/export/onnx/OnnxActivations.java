package org.layerlab.export.onnx;

import static org.layerlab.export.onnx.OnnxGraph.attr;
import static org.layerlab.export.onnx.OnnxGraph.in;

import org.layerlab.nn.Activation;

/**
 * Keras activations as ONNX operators (opset 13). Where ONNX has no operator of its own the formula
 * is spelled out with the same constants Keras uses: gelu is the exact erf form (Keras'
 * {@code approximate=False}), hard_sigmoid is Keras 3's relu6(x + 3) / 6, i.e. HardSigmoid(1/6, 1/2).
 */
final class OnnxActivations {
    private OnnxActivations() {
    }

    /** The activation applied to value x; x itself when linear. */
    static String apply(OnnxGraph g, Activation a, String x, String hint) {
        float alpha = (float) a.alpha();
        switch (a.function()) {
            case LINEAR:
                return x;
            case SIGMOID:
                return g.op("Sigmoid", hint, in(x));
            case TANH:
                return g.op("Tanh", hint, in(x));
            case RELU:
                return g.op("Relu", hint, in(x));
            case LEAKY_RELU:
                return g.op("LeakyRelu", hint, in(x), attr("alpha", alpha));
            case ELU:
                return g.op("Elu", hint, in(x), attr("alpha", alpha));
            case SELU:
                return g.op("Selu", hint, in(x));
            case CELU:
                return g.op("Celu", hint, in(x), attr("alpha", alpha));
            case GELU: {
                String scaled = g.op("Mul", hint, in(x, g.scalar(hint + "/inv_sqrt2", (float) (1 / Math.sqrt(2)))));
                String erf = g.op("Erf", hint, in(scaled));
                String onePlus = g.op("Add", hint, in(erf, g.scalar(hint + "/one", 1f)));
                String half = g.op("Mul", hint, in(x, g.scalar(hint + "/half", 0.5f)));
                return g.op("Mul", hint, in(half, onePlus));
            }
            case SILU:
                return g.op("Mul", hint, in(x, g.op("Sigmoid", hint, in(x))));
            case SOFTPLUS:
                return g.op("Softplus", hint, in(x));
            case SOFTSIGN:
                return g.op("Softsign", hint, in(x));
            case SOFTMAX:
                return g.op("Softmax", hint, in(x), attr("axis", -1L));
            case LOG_SOFTMAX:
                return g.op("LogSoftmax", hint, in(x), attr("axis", -1L));
            case RELU6:
                return g.op("Clip", hint, in(x, g.scalar(hint + "/zero", 0f), g.scalar(hint + "/six", 6f)));
            case HARD_SIGMOID:
                return hardSigmoid(g, x, hint);
            case HARD_SILU:
                return g.op("Mul", hint, in(x, hardSigmoid(g, x, hint)));
            case MISH:
                return g.op("Mul", hint, in(x, g.op("Tanh", hint, in(g.op("Softplus", hint, in(x))))));
            case EXPONENTIAL:
                return g.op("Exp", hint, in(x));
            default:
                throw new IllegalArgumentException("no ONNX form for activation " + a);
        }
    }

    private static String hardSigmoid(OnnxGraph g, String x, String hint) {
        return g.op("HardSigmoid", hint, in(x), attr("alpha", 1f / 6), attr("beta", 0.5f));
    }

    /**
     * The name ONNX's recurrent operators give this activation (their {@code activations}
     * attribute), or null when they have none for it.
     */
    static String recurrentName(Activation a) {
        switch (a.function()) {
            case SIGMOID: return "Sigmoid";
            case TANH: return "Tanh";
            case RELU: return "Relu";
            case SOFTSIGN: return "Softsign";
            case SOFTPLUS: return "Softplus";
            default: return null;
        }
    }
}
