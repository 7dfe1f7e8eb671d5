package org.layerlab.nn.graph;

import org.layerlab.nn.Checks;
import org.layerlab.nn.layers.LayerSpec;

/** A layer placed in a graph: stable id, the name users see, the layer, and its position on the canvas. */
public record GraphNode(String id, String name, LayerSpec spec, double x, double y) {
    public GraphNode {
        Checks.notNull("node", "id", id);
        Checks.notNull("node", "spec", spec);
        name = name == null || name.isBlank() ? id : name;
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("node " + id + " has a position that is not a finite number");
        }
    }

    public GraphNode withSpec(LayerSpec s) {
        return new GraphNode(id, name, s, x, y);
    }

    public GraphNode at(double nx, double ny) {
        return new GraphNode(id, name, spec, nx, ny);
    }

    public GraphNode named(String n) {
        return new GraphNode(id, n, spec, x, y);
    }
}
