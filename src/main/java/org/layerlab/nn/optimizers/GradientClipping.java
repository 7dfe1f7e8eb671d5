package org.layerlab.nn.optimizers;

import java.util.List;

import org.layerlab.nn.Checks;
import org.layerlab.nn.Parameter;

/**
 * Keras' global_clipnorm and clipvalue: scale all gradients together so their joint L2 norm is at
 * most {@code globalNorm}, and/or clamp each gradient value to ±{@code value}. Zero disables either.
 */
public record GradientClipping(double globalNorm, double value) {
    public static final GradientClipping NONE = new GradientClipping(0, 0);

    public GradientClipping {
        Checks.nonNegative("gradient clipping", "global_clipnorm", globalNorm);
        Checks.nonNegative("gradient clipping", "clipvalue", value);
    }

    public void apply(List<Parameter> params) {
        if (value > 0) {
            float v = (float) value;
            // Indexed loops: this runs every training step, and an iterator is an allocation.
            for (int k = 0; k < params.size(); k++) {
                Parameter p = params.get(k);
                float[] g = p.grad().data();
                for (int i = 0, n = p.size(); i < n; i++) {
                    g[i] = Math.max(-v, Math.min(v, g[i]));
                }
            }
        }
        if (globalNorm > 0) {
            double norm = Math.sqrt(sumOfSquares(params));
            if (norm > globalNorm) {
                float scale = (float) (globalNorm / norm);
                for (int k = 0; k < params.size(); k++) {
                    Parameter p = params.get(k);
                    float[] g = p.grad().data();
                    for (int i = 0, n = p.size(); i < n; i++) {
                        g[i] *= scale;
                    }
                }
            }
        }
    }

    /** Σ g² over all gradients; NaN or infinite when any gradient is. */
    public static double sumOfSquares(List<Parameter> params) {
        double s = 0;
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            float[] g = p.grad().data();
            for (int i = 0, n = p.size(); i < n; i++) {
                s += (double) g[i] * g[i];
            }
        }
        return s;
    }
}
