package org.layerlab.ui.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Dropout;
import org.layerlab.nn.layers.Input;

/** Edits as the palette and the canvas make them, without a window. */
class EditsTest {
    private static NetworkGraph chain() {
        return NetworkGraph.of(List.of(new GraphNode("input", "input", Input.of(4), 240, 40),
                        new GraphNode("dense", "dense", new Dense(8, "relu"), 240, 165),
                        new GraphNode("dense_1", "dense_1", new Dense(2, "softmax"), 240, 290)),
                List.of(new GraphEdge("input", "dense", 0), new GraphEdge("dense", "dense_1", 0)));
    }

    @Test
    void addingAfterALayerInAChainInsertsIntoTheChain() {
        NetworkGraph after = Edits.addAfter(chain(), "dense", new Dropout(0.3)).after();
        Set<String> edges = after.edges().stream().map(e -> e.from() + ">" + e.to()).collect(Collectors.toSet());
        assertEquals(Set.of("input>dense", "dense>dropout", "dropout>dense_1"), edges);
        assertTrue(GraphAnalysis.of(after).problems().isEmpty(), GraphAnalysis.of(after).problems().toString());
        // The layer below moved down a row to make room; nothing sits on anything.
        assertEquals(290 + AutoLayout.RANK_GAP, after.require("dense_1").y());
        assertEquals(165 + AutoLayout.RANK_GAP, after.require("dropout").y());
        for (GraphNode a : after.nodes()) {
            for (GraphNode b : after.nodes()) {
                assertTrue(a == b || Math.abs(a.x() - b.x()) >= AutoLayout.NODE_GAP * 0.9
                        || Math.abs(a.y() - b.y()) >= AutoLayout.RANK_GAP * 0.8, a.id() + " overlaps " + b.id());
            }
        }
    }

    @Test
    void anInputAddedAfterALayerIsPlacedBesideWhateverIsThere() {
        NetworkGraph after = Edits.addAfter(chain(), "input", Input.of(3)).after();
        GraphNode added = after.require("input_1");
        assertEquals(chain().edges(), after.edges(), "an Input takes no connection");
        assertTrue(added.x() > 240, "moved aside from dense, which sits below input: x " + added.x());
    }
}
