package org.layerlab.nn.graph;

import org.layerlab.engine.Shape;

/** What shape inference found for one node: its output shape (null when unknown) and its parameter count. */
public record NodeInfo(Shape outputShape, long params) {
}
