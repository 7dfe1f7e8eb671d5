package org.layerlab.nn;

/**
 * A layer runtime that adds a term of its own to the network's loss, as Keras layers do with
 * {@code add_loss} (the VAE's KL divergence). The term is computed in every forward pass,
 * training or not, so validation losses include it; its gradient is the runtime's own business:
 * its backward adds it to the input gradients along with the gradient from above.
 */
public interface AuxiliaryLoss {
    /** The name the term is reported under beside "loss", e.g. "kl_loss". */
    String lossName();

    /** The term for the last forward pass, weighted and averaged over the batch as the loss is. */
    double lastLoss();
}
