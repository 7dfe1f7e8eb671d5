package org.layerlab.nn.graph;

import org.layerlab.engine.Shape;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.Reshape;

/** The standard repairs validation offers. */
final class Fixes {
    private Fixes() {
    }

    /** Puts a Flatten on the edge into {@code nodeId}, placed between the two nodes. */
    static Fix insertFlattenBefore(String nodeId) {
        return insertBefore(nodeId, "Insert Flatten", "Flatten", new Flatten());
    }

    /** A flat (n) input read as n time steps of one feature each. */
    static Fix insertReshapeToStepsBefore(String nodeId, Shape flat) {
        Reshape reshape = Reshape.of(flat.size(), 1);
        return insertBefore(nodeId, "Insert Reshape to " + reshape.targetShape(), "Reshape", reshape);
    }

    private static Fix insertBefore(String nodeId, String label, String kind, LayerSpec spec) {
        return new Fix(label, g -> {
            GraphEdge in = g.inputsOf(nodeId).get(0);
            GraphNode from = g.require(in.from());
            GraphNode to = g.require(nodeId);
            String id = g.newId(kind);
            GraphNode node = new GraphNode(id, id, spec, (from.x() + to.x()) / 2, (from.y() + to.y()) / 2);
            return g.withoutEdge(in).withNode(node)
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
