package org.layerlab.nn.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.layerlab.nn.layers.LayerSpec;

/**
 * A network as a directed graph of layers, immutable: every edit returns a new graph, which makes
 * undo, saving and training a snapshot while the user keeps editing safe. Nodes keep insertion
 * order (stable files and summaries). Any DAG is allowed; cycles and other mistakes are reported
 * by {@link GraphAnalysis}, not refused here, so the editor can show them.
 */
public final class NetworkGraph {
    private final Map<String, GraphNode> nodes;
    private final List<GraphEdge> edges;
    /** Edges by target (sorted by port) and by source, built once: lookups stay linear in the graph's size overall. */
    private final Map<String, List<GraphEdge>> into = new HashMap<>();
    private final Map<String, List<GraphEdge>> outOf = new HashMap<>();

    private NetworkGraph(Map<String, GraphNode> nodes, List<GraphEdge> edges) {
        this.nodes = nodes;
        this.edges = edges;
        for (GraphEdge e : edges) {
            into.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
            outOf.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        }
        into.values().forEach(l -> l.sort(Comparator.comparingInt(GraphEdge::port)));
    }

    public static NetworkGraph empty() {
        return new NetworkGraph(new LinkedHashMap<>(), List.of());
    }

    /** A graph of these nodes and edges, as {@link #withNode} and {@link #withEdge} one by one would build it, in linear time. */
    public static NetworkGraph of(Collection<GraphNode> nodes, Collection<GraphEdge> edges) {
        Map<String, GraphNode> m = new LinkedHashMap<>();
        for (GraphNode n : nodes) {
            m.put(n.id(), n);
        }
        // A later edge into the same port replaces the earlier one, as withEdge does.
        Map<String, GraphEdge> byPort = new LinkedHashMap<>();
        for (GraphEdge e : edges) {
            for (String id : List.of(e.from(), e.to())) {
                if (!m.containsKey(id)) {
                    throw new IllegalArgumentException("no layer with id '" + id + "'");
                }
            }
            String key = e.to() + "\u0000" + e.port();
            byPort.remove(key);
            byPort.put(key, e);
        }
        return new NetworkGraph(m, List.copyOf(byPort.values()));
    }

    public Collection<GraphNode> nodes() {
        return nodes.values();
    }

    public List<GraphEdge> edges() {
        return edges;
    }

    public Optional<GraphNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public GraphNode require(String id) {
        GraphNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node '" + id + "' in the graph");
        }
        return n;
    }

    public boolean contains(String id) {
        return nodes.containsKey(id);
    }

    public int size() {
        return nodes.size();
    }

    /** Adds a node, or replaces the node with the same id. */
    public NetworkGraph withNode(GraphNode n) {
        Map<String, GraphNode> m = new LinkedHashMap<>(nodes);
        m.put(n.id(), n);
        return new NetworkGraph(m, edges);
    }

    /** Removes a node and every edge touching it. */
    public NetworkGraph withoutNode(String id) {
        if (!nodes.containsKey(id)) {
            return this;
        }
        Map<String, GraphNode> m = new LinkedHashMap<>(nodes);
        m.remove(id);
        List<GraphEdge> es = new ArrayList<>();
        for (GraphEdge e : edges) {
            if (!e.from().equals(id) && !e.to().equals(id)) {
                es.add(e);
            }
        }
        return new NetworkGraph(m, List.copyOf(es));
    }

    public NetworkGraph withSpec(String id, LayerSpec spec) {
        return withNode(require(id).withSpec(spec));
    }

    /** Adds an edge between existing nodes; an edge already into that port is replaced. */
    public NetworkGraph withEdge(GraphEdge e) {
        require(e.from());
        require(e.to());
        List<GraphEdge> es = new ArrayList<>();
        for (GraphEdge x : edges) {
            if (!(x.to().equals(e.to()) && x.port() == e.port())) {
                es.add(x);
            }
        }
        es.add(e);
        return new NetworkGraph(nodes, List.copyOf(es));
    }

    public NetworkGraph withoutEdge(GraphEdge e) {
        List<GraphEdge> es = new ArrayList<>(edges);
        es.remove(e);
        return new NetworkGraph(nodes, List.copyOf(es));
    }

    /** Edges into a node, by port. */
    public List<GraphEdge> inputsOf(String id) {
        return List.copyOf(into.getOrDefault(id, List.of()));
    }

    public List<GraphEdge> outputsOf(String id) {
        return List.copyOf(outOf.getOrDefault(id, List.of()));
    }

    /** The first unused port of a node (where a new connection goes). */
    public int nextFreePort(String id) {
        int p = 0;
        for (GraphEdge e : inputsOf(id)) {
            if (e.port() == p) {
                p++;
            }
        }
        return p;
    }

    /** A new id for a layer kind, as Keras names layers: dense, dense_1, dense_2... */
    public String newId(String kind) {
        String base = kind.toLowerCase(Locale.ROOT);
        if (!nodes.containsKey(base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            if (!nodes.containsKey(base + "_" + i)) {
                return base + "_" + i;
            }
        }
    }

    /** Nodes in an order where every node follows its inputs, or empty when there is a cycle. */
    /** Whether the user drew the graph left to right: most connections run sideways (the canvas and diagrams place ports so). */
    public boolean drawnLeftToRight() {
        int sideways = 0;
        for (GraphEdge e : edges) {
            GraphNode a = require(e.from());
            GraphNode b = require(e.to());
            if (Math.abs(b.x() - a.x()) > Math.abs(b.y() - a.y())) {
                sideways++;
            }
        }
        return !edges.isEmpty() && sideways * 2 > edges.size();
    }

    public Optional<List<String>> topologicalOrder() {
        Map<String, Integer> indegree = new HashMap<>();
        nodes.keySet().forEach(id -> indegree.put(id, 0));
        for (GraphEdge e : edges) {
            indegree.merge(e.to(), 1, Integer::sum);
        }
        Deque<String> ready = new ArrayDeque<>();
        for (String id : nodes.keySet()) {
            if (indegree.get(id) == 0) {
                ready.add(id);
            }
        }
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (GraphEdge e : outputsOf(id)) {
                if (indegree.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        return order.size() == nodes.size() ? Optional.of(order) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkGraph g && new ArrayList<>(nodes.values()).equals(new ArrayList<>(g.nodes.values()))
                && new HashSet<>(edges).equals(new HashSet<>(g.edges));
    }

    @Override
    public int hashCode() {
        return nodes.hashCode() * 31 + new HashSet<>(edges).hashCode();
    }
}
