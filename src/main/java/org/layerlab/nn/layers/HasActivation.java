package org.layerlab.nn.layers;
import org.layerlab.nn.Activation;

/**
 * A layer with a built-in activation. The network runs the activation as its own step, so a
 * softmax or sigmoid at the output can be fused with the loss.
 */
public interface HasActivation {
    Activation activation();

    /** The same layer with a linear activation. */
    LayerSpec withoutActivation();
}
