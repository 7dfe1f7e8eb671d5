package org.layerlab.nn;

import org.layerlab.engine.ops.Attention;

/** A layer runtime that computes attention weights, which the attention view shows. */
public interface AttentionLayer {
    /** The op, holding the weights of the last forward pass. */
    Attention attention();
}
