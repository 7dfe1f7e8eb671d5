package org.layerlab.training;

/**
 * The network's output over a grid spanning two input features (row-major, resolution ×
 * resolution, y from bottom to top): for a 2-feature classifier the probability of class 1 (or
 * the arg-max class), for a 1-feature regression the fitted curve (resolution values).
 */
public record BoundarySnapshot(long step, double minX, double maxX, double minY, double maxY, int resolution,
                               float[] values, int classes) {
}
