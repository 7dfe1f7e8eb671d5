package org.layerlab.engine.ops;

import org.layerlab.engine.Tensor;

/**
 * Keras' label_smoothing for the cross-entropies: the targets are pulled towards uniform before
 * the loss sees them, t' = t·(1 − s) + s/2 for binary targets, t·(1 − s) + s/C for C classes. A
 * wrapper, so each cross-entropy (fused or not) keeps one formula. The smoothed targets live in
 * a buffer reused from batch to batch.
 */
public final class LabelSmoothing implements LossOp {
    private final LossOp inner;
    private final double smoothing;
    private final boolean binary;
    private Tensor smoothed;

    public LabelSmoothing(LossOp inner, double smoothing, boolean binary) {
        if (!(smoothing >= 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("label_smoothing must be in [0, 1]. Received: label_smoothing=" + smoothing);
        }
        this.inner = inner;
        this.smoothing = smoothing;
        this.binary = binary;
    }

    @Override
    public double compute(Tensor prediction, Tensor target, Tensor grad) {
        if (smoothed == null || smoothed.capacityBatch() < target.batch() || smoothed.sampleSize() != target.sampleSize()) {
            smoothed = Tensor.zeros(target.dims());
        }
        smoothed.setBatch(target.batch());
        double uniform = binary ? 0.5 : 1.0 / target.sampleSize();
        float[] t = target.data();
        float[] s = smoothed.data();
        for (int i = 0, n = target.size(); i < n; i++) {
            s[i] = (float) (t[i] * (1 - smoothing) + smoothing * uniform);
        }
        return inner.compute(prediction, smoothed, grad);
    }
}
