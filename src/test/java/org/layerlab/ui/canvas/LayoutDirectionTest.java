package org.layerlab.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Input;
import org.layerlab.ui.commands.Edits;

/** Ports go on the sides when the graph is laid out left to right, and stay top and bottom otherwise. */
class LayoutDirectionTest {
    private static NetworkGraph chain() {
        return NetworkGraph.of(List.of(new GraphNode("input", "input", Input.of(4), 0, 0),
                        new GraphNode("dense", "dense", new Dense(8), 0, 125),
                        new GraphNode("dense_1", "dense_1", new Dense(2), 0, 250)),
                List.of(new GraphEdge("input", "dense", 0), new GraphEdge("dense", "dense_1", 0)));
    }

    @Test
    void theDirectionIsReadFromWhereTheLayersSit() {
        assertFalse(chain().drawnLeftToRight(), "top to bottom");
        NetworkGraph sideways = Edits.autoLayout(chain(), false).after();
        assertTrue(sideways.drawnLeftToRight(), "after Auto-layout Left to Right");
        assertTrue(Edits.autoLayout(sideways, false).after().drawnLeftToRight());
        assertFalse(Edits.autoLayout(sideways, true).after().drawnLeftToRight(), "and back");
        assertFalse(NetworkGraph.empty().drawnLeftToRight());
    }
}
