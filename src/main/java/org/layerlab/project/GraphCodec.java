package org.layerlab.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;

/**
 * The "nodes" and "edges" of a document (a project, or a run's record of the network it
 * trained): each node's id, name, kind, options and position; each edge's ends and port. Decoding
 * checks ids, ends and ports and names the first problem with its JSON path.
 */
final class GraphCodec {
    static final int MAX_NODES = 10_000;

    private GraphCodec() {
    }

    /** Adds "nodes" and "edges" to o. */
    static void encode(NetworkGraph graph, JsonObject o) {
        JsonArray nodes = new JsonArray();
        for (GraphNode n : graph.nodes()) {
            JsonObject j = new JsonObject();
            j.addProperty("id", n.id());
            j.addProperty("name", n.name());
            j.addProperty("kind", n.spec().kind());
            j.add("params", LayerCodec.encode(n.spec()));
            j.addProperty("x", n.x());
            j.addProperty("y", n.y());
            nodes.add(j);
        }
        o.add("nodes", nodes);
        JsonArray edges = new JsonArray();
        for (GraphEdge e : graph.edges()) {
            JsonObject j = new JsonObject();
            j.addProperty("from", e.from());
            j.addProperty("to", e.to());
            j.addProperty("port", e.port());
            edges.add(j);
        }
        o.add("edges", edges);
    }

    /** The graph of a document's "nodes" and "edges"; name is the file's, for messages. */
    static NetworkGraph decode(JsonFields doc, String name) throws ProjectException {
        List<JsonElement> nodeList = doc.list("nodes");
        if (nodeList.size() > MAX_NODES) {
            throw new ProjectException(name + ": $.nodes has " + nodeList.size() + " layers; at most " + MAX_NODES);
        }
        List<GraphNode> nodes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodeList.size(); i++) {
            String path = "$.nodes[" + i + "]";
            JsonFields n = JsonFields.of(nodeList.get(i), path);
            String id = n.string("id");
            if (id.isBlank() || id.length() > 200) {
                throw new ProjectException(name + ": " + n.path("id") + " must be 1 to 200 characters");
            }
            if (!ids.add(id)) {
                throw new ProjectException(name + ": " + n.path("id") + " '" + id + "' is used by two nodes");
            }
            JsonObject params = null;
            if (n.has("params")) {
                n.object("params");
                params = n.raw("params").getAsJsonObject();
            }
            nodes.add(new GraphNode(id, n.string("name", id), LayerCodec.decode(n.string("kind"), params, n.path("params")),
                    n.number("x", 0), n.number("y", 0)));
        }
        List<GraphEdge> edges = new ArrayList<>();
        List<JsonElement> edgeList = doc.list("edges");
        for (int i = 0; i < edgeList.size(); i++) {
            JsonFields e = JsonFields.of(edgeList.get(i), "$.edges[" + i + "]");
            String from = e.string("from");
            String to = e.string("to");
            for (String end : List.of(from, to)) {
                if (!ids.contains(end)) {
                    throw new ProjectException(name + ": $.edges[" + i + "] connects '" + end + "', which is not a node");
                }
            }
            int port = e.integer("port", 0);
            if (port < 0 || port > 64) {
                throw new ProjectException(name + ": $.edges[" + i + "].port must be between 0 and 64");
            }
            edges.add(new GraphEdge(from, to, port));
        }
        return NetworkGraph.of(nodes, edges);
    }
}
