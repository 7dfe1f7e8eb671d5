package org.layerlab.nn.optimizers;

/**
 * Keras AdamW: Adam with decoupled weight decay (default 0.004), w −= lr·decay·w before the Adam
 * step. PyTorch's AdamW defaults weight_decay to 0.01.
 */
public final class AdamW extends Adam {
    public AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon, boolean amsgrad) {
        super(learningRate, beta1, beta2, epsilon, amsgrad);
        weightDecay(weightDecay);
    }

    public AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon) {
        this(learningRate, weightDecay, beta1, beta2, epsilon, false);
    }

    public AdamW(double learningRate, double weightDecay) {
        this(learningRate, weightDecay, 0.9, 0.999, 1e-7);
    }

    public AdamW() {
        this(0.001, 0.004);
    }

    @Override
    public String kind() {
        return "AdamW";
    }
}
