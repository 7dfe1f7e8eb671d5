package org.layerlab.ui.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;

/**
 * Layered layout: each node goes one rank below its deepest input (longest path from the
 * inputs), nodes within a rank are ordered by the mean position of their inputs (barycenter)
 * to keep edges from crossing, and ranks are centred on one axis.
 */
final class AutoLayout {
    static final double RANK_GAP = 125;
    static final double NODE_GAP = 260;

    private AutoLayout() {
    }

    static NetworkGraph apply(NetworkGraph g, boolean topToBottom) {
        List<String> order = g.topologicalOrder().orElseGet(() -> g.nodes().stream().map(GraphNode::id).toList());
        Map<String, Integer> rank = new HashMap<>();
        for (String id : order) {
            int r = 0;
            for (GraphEdge e : g.inputsOf(id)) {
                r = Math.max(r, rank.getOrDefault(e.from(), 0) + 1);
            }
            rank.put(id, r);
        }
        Map<Integer, List<String>> ranks = new TreeMap<>();
        order.forEach(id -> ranks.computeIfAbsent(rank.get(id), k -> new ArrayList<>()).add(id));
        Map<String, Double> slot = new HashMap<>();
        NetworkGraph out = g;
        for (Map.Entry<Integer, List<String>> r : ranks.entrySet()) {
            List<String> ids = new ArrayList<>(r.getValue());
            ids.sort(Comparator.comparingDouble(id -> g.inputsOf(id).stream()
                    .mapToDouble(e -> slot.getOrDefault(e.from(), 0.0)).average().orElse(0)));
            for (int i = 0; i < ids.size(); i++) {
                double across = (i - (ids.size() - 1) / 2.0) * NODE_GAP;
                slot.put(ids.get(i), across);
                double along = 40 + r.getKey() * RANK_GAP;
                double x = topToBottom ? 400 + across : 40 + r.getKey() * NODE_GAP;
                double y = topToBottom ? along : 300 + across / NODE_GAP * RANK_GAP;
                out = out.withNode(out.require(ids.get(i)).at(x, y));
            }
        }
        return out;
    }
}
