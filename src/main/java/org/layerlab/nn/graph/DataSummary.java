package org.layerlab.nn.graph;

import org.layerlab.engine.Shape;

/**
 * What validation needs to know about the training data: feature shape, number of classes (0 for
 * regression) and values per target row.
 */
public record DataSummary(Shape featureShape, int classes, int targetWidth) {
}
