package org.layerlab.ui.commands;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.layerlab.nn.graph.Fix;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.LayerSpec;

/** The editor's edits, each a {@link GraphChange} with the description the Undo menu shows. */
public final class Edits {
    private Edits() {
    }

    public static GraphChange addLayer(NetworkGraph g, LayerSpec spec, double x, double y) {
        String id = g.newId(spec.kind());
        return new GraphChange("Add " + spec.kind(), g, g.withNode(new GraphNode(id, id, spec, x, y)));
    }

    /** Adds a layer below the given node and connects it (the palette's double-click). */
    /**
     * Inserts a layer after the selected one: the selected layer's outgoing connections now leave
     * the new layer, which takes the selected one's output (a chain stays a chain). The layers
     * below move down a row to make room, and the new layer never lands on another.
     */
    public static GraphChange addAfter(NetworkGraph g, String previousId, LayerSpec spec) {
        GraphNode prev = g.require(previousId);
        String id = g.newId(spec.kind());
        boolean wired = spec.minInputs() > 0;
        NetworkGraph after = g;
        if (wired) {
            // Make room: everything fed by the selected layer moves down one row.
            for (String below : descendants(g, previousId)) {
                GraphNode n = after.require(below);
                after = after.withNode(n.at(n.x(), n.y() + AutoLayout.RANK_GAP));
            }
        }
        double[] at = freeSpot(after, prev.x(), prev.y() + AutoLayout.RANK_GAP);
        after = after.withNode(new GraphNode(id, id, spec, at[0], at[1]));
        if (wired) {
            for (GraphEdge out : g.outputsOf(previousId)) {
                after = after.withoutEdge(out).withEdge(new GraphEdge(id, out.to(), out.port()));
            }
            after = after.withEdge(new GraphEdge(previousId, id, 0));
        }
        return new GraphChange("Add " + spec.kind(), g, after);
    }

    /** Every layer reachable from id's outputs. */
    private static Set<String> descendants(NetworkGraph g, String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            for (GraphEdge e : g.outputsOf(todo.poll())) {
                if (seen.add(e.to())) {
                    todo.add(e.to());
                }
            }
        }
        seen.remove(id);
        return seen;
    }

    /** (x, y) itself when no layer's box overlaps a layer placed there, else the nearest free place to its right. */
    static double[] freeSpot(NetworkGraph g, double x, double y) {
        double fx = x;
        while (overlapsAny(g, fx, y)) {
            fx += AutoLayout.NODE_GAP;
        }
        return new double[] {fx, y};
    }

    private static boolean overlapsAny(NetworkGraph g, double x, double y) {
        for (GraphNode n : g.nodes()) {
            if (Math.abs(n.x() - x) < AutoLayout.NODE_GAP * 0.9 && Math.abs(n.y() - y) < AutoLayout.RANK_GAP * 0.8) {
                return true;
            }
        }
        return false;
    }

    public static GraphChange delete(NetworkGraph g, Collection<String> ids) {
        NetworkGraph after = g;
        for (String id : ids) {
            after = after.withoutNode(id);
        }
        String what = ids.size() == 1 ? g.require(ids.iterator().next()).name() : ids.size() + " layers";
        return new GraphChange("Delete " + what, g, after);
    }

    public static GraphChange connect(NetworkGraph g, String from, String to, int port) {
        return new GraphChange("Connect " + g.require(from).name() + " → " + g.require(to).name(), g,
                g.withEdge(new GraphEdge(from, to, port)));
    }

    public static GraphChange disconnect(NetworkGraph g, GraphEdge e) {
        return new GraphChange("Disconnect " + e.from() + " → " + e.to(), g, g.withoutEdge(e));
    }

    /** Moves nodes to new positions: one command per drag, made on release. */
    public static GraphChange move(NetworkGraph g, Map<String, double[]> positions) {
        NetworkGraph after = g;
        for (Map.Entry<String, double[]> e : positions.entrySet()) {
            after = after.withNode(after.require(e.getKey()).at(e.getValue()[0], e.getValue()[1]));
        }
        return new GraphChange(positions.size() == 1 ? "Move " + g.require(positions.keySet().iterator().next()).name()
                : "Move " + positions.size() + " layers", g, after);
    }

    /** Replaces a node's layer settings; describes the option changed ("Set units"). */
    public static GraphChange setSpec(NetworkGraph g, String id, LayerSpec spec, String option) {
        return new GraphChange("Set " + option, g, g.withSpec(id, spec));
    }

    public static GraphChange rename(NetworkGraph g, String id, String name) {
        return new GraphChange("Rename " + g.require(id).name(), g, g.withNode(g.require(id).named(name)));
    }

    public static GraphChange applyFix(NetworkGraph g, Fix fix) {
        return new GraphChange(fix.label(), g, fix.apply(g));
    }

    /**
     * Copies nodes (and the edges among them) into the graph under fresh ids, shifted by (dx, dy);
     * returns the change and, through newIds, the ids given to the copies.
     */
    public static GraphChange paste(NetworkGraph g, NetworkGraph clip, double dx, double dy, List<String> newIds) {
        Map<String, String> rename = new HashMap<>();
        NetworkGraph after = g;
        for (GraphNode n : clip.nodes()) {
            String id = after.newId(n.spec().kind());
            rename.put(n.id(), id);
            String name = after.nodes().stream().anyMatch(x -> x.name().equals(n.name())) ? id : n.name();
            after = after.withNode(new GraphNode(id, name, n.spec(), n.x() + dx, n.y() + dy));
            newIds.add(id);
        }
        for (GraphEdge e : clip.edges()) {
            if (rename.containsKey(e.from()) && rename.containsKey(e.to())) {
                after = after.withEdge(new GraphEdge(rename.get(e.from()), rename.get(e.to()), e.port()));
            }
        }
        return new GraphChange(clip.size() == 1 ? "Paste " + clip.nodes().iterator().next().spec().kind()
                : "Paste " + clip.size() + " layers", g, after);
    }

    /** The selected nodes and the edges among them, as a graph of their own (what copy puts on the clipboard). */
    public static NetworkGraph extract(NetworkGraph g, Collection<String> ids) {
        List<GraphNode> nodes = new ArrayList<>();
        for (String id : ids) {
            g.node(id).ifPresent(nodes::add);
        }
        List<GraphEdge> edges = g.edges().stream().filter(e -> ids.contains(e.from()) && ids.contains(e.to())).toList();
        return NetworkGraph.of(nodes, edges);
    }

    public static GraphChange autoLayout(NetworkGraph g, boolean topToBottom) {
        return new GraphChange("Auto-layout", g, AutoLayout.apply(g, topToBottom));
    }
}
