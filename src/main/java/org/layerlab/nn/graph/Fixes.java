package org.layerlab.nn.graph;

import org.layerlab.engine.Shape;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerSpec;

/** The standard repairs validation offers. */
final class Fixes {
    private Fixes() {
    }

    /** Puts a Flatten on the edge into {@code nodeId}, placed between the two nodes. */
    static Fix insertFlattenBefore(String nodeId) {
        return new Fix("Insert Flatten", g -> {
            GraphEdge in = g.inputsOf(nodeId).get(0);
            GraphNode from = g.require(in.from());
            GraphNode to = g.require(nodeId);
            String id = g.newId("Flatten");
            GraphNode flat = new GraphNode(id, id, new Flatten(), (from.x() + to.x()) / 2, (from.y() + to.y()) / 2);
            return g.withoutEdge(in).withNode(flat)
                    .withEdge(new GraphEdge(in.from(), id, 0))
                    .withEdge(new GraphEdge(id, nodeId, in.port()));
        });
    }

    static Fix setInputShape(String inputId, Shape shape) {
        return new Fix("Set Input shape to " + shape, g -> g.withSpec(inputId, new Input(shape)));
    }

    static Fix setUnits(String nodeId, Dense dense, int units) {
        return new Fix("Set units to " + units, g -> g.withSpec(nodeId, dense.withUnits(units)));
    }

    static boolean isDense(LayerSpec s) {
        return s instanceof Dense;
    }
}
