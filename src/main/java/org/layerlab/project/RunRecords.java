package org.layerlab.project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.training.TrainingConfig;

/**
 * What a run's record says about its network and settings in the project's own terms: the flat
 * settings a table compares ("learning_rate", "dense_1.units", the same names as the project
 * file), a hash of the network (positions and display names left out: moving a layer is not a
 * new network), and a one-line summary.
 */
public final class RunRecords {
    private RunRecords() {
    }

    /**
     * Training settings by their project-file names, the optimizer's name as "optimizer" and its
     * rate as "learning_rate"; then every layer option as "node_id.option".
     */
    public static Map<String, String> settings(NetworkGraph graph, TrainingConfig config) {
        Map<String, String> out = new TreeMap<>();
        JsonObject t = TrainingCodec.encode(config);
        for (Map.Entry<String, JsonElement> e : t.entrySet()) {
            flatten(e.getKey(), e.getValue(), out);
        }
        rename(out, "optimizer.name", "optimizer");
        rename(out, "optimizer.learning_rate", "learning_rate");
        rename(out, "loss.name", "loss");
        for (GraphNode n : graph.nodes()) {
            for (Map.Entry<String, JsonElement> e : LayerCodec.encode(n.spec()).entrySet()) {
                flatten(n.id() + "." + e.getKey(), e.getValue(), out);
            }
        }
        return out;
    }

    private static void rename(Map<String, String> m, String from, String to) {
        String v = m.remove(from);
        if (v != null) {
            m.put(to, v);
        }
    }

    private static void flatten(String key, JsonElement v, Map<String, String> out) {
        if (v.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
                flatten(key + "." + e.getKey(), e.getValue(), out);
            }
        } else if (v.isJsonArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonElement x : v.getAsJsonArray()) {
                parts.add(x.isJsonPrimitive() ? x.getAsString() : x.toString());
            }
            out.put(key, String.join(",", parts));
        } else if (!v.isJsonNull()) {
            out.put(key, v.getAsString());
        }
    }

    /** 12 hex digits of a SHA-256 over the layers (id, kind, options) and edges, in id order. */
    public static String graphHash(NetworkGraph graph) {
        JsonArray nodes = new JsonArray();
        graph.nodes().stream().sorted(Comparator.comparing(GraphNode::id)).forEach(n -> {
            JsonObject j = new JsonObject();
            j.addProperty("id", n.id());
            j.addProperty("kind", n.spec().kind());
            j.add("params", LayerCodec.encode(n.spec()));
            nodes.add(j);
        });
        JsonArray edges = new JsonArray();
        graph.edges().stream().sorted(Comparator.comparing(GraphEdge::from).thenComparing(GraphEdge::to)
                .thenComparingInt(GraphEdge::port)).forEach(e -> edges.add(e.from() + ">" + e.to() + ":" + e.port()));
        JsonObject o = new JsonObject();
        o.add("nodes", nodes);
        o.add("edges", edges);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(o.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** "Input → Dense 64 → Dropout → Dense 10 · 50,890 parameters" (at most eight layers named). */
    public static String summary(NetworkGraph graph, long params) {
        List<String> order = graph.topologicalOrder().orElseGet(() -> graph.nodes().stream().map(GraphNode::id).toList());
        List<String> parts = new ArrayList<>();
        for (String id : order) {
            if (parts.size() == 8) {
                parts.add("… " + (order.size() - 8) + " more");
                break;
            }
            GraphNode n = graph.require(id);
            JsonObject p = LayerCodec.encode(n.spec());
            String size = "";
            for (String k : List.of("units", "filters", "num_heads", "output_dim")) {
                if (p.has(k) && p.get(k).isJsonPrimitive()) {
                    size = " " + p.get(k).getAsString();
                    break;
                }
            }
            parts.add(n.spec().kind() + size);
        }
        return String.join(" → ", parts) + String.format(" · %,d parameters", params);
    }
}
