package org.layerlab.training;

/**
 * Signs of trouble in one layer, measured on the last batch: the L2 norms of its weights and
 * gradients, the update-to-weight ratio (learning rate × |g| / |w|; around 1e-3 is healthy,
 * much larger means too big a step), and for ReLU layers the share of units that gave zero for
 * every sample ("dead").
 */
public record LayerHealth(String nodeId, double weightNorm, double gradNorm, double updateRatio, double deadShare) {
}
