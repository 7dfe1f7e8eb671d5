package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * A loss reduced like Keras' default ("sum over batch size"): per-sample loss averaged over the
 * batch. Shapes: prediction (N, ...), target of the same shape, or (N, 1) class indices for the
 * sparse losses.
 */
public interface LossOp {
    /**
     * Returns the mean loss over the batch and, when grad is not null, accumulates into it the
     * gradient of that mean with respect to the prediction.
     */
    double compute(Tensor prediction, Tensor target, Tensor grad);

    /** Keras clips probabilities to [EPSILON, 1 − EPSILON] before taking logs. */
    double EPSILON = 1e-7;
}
