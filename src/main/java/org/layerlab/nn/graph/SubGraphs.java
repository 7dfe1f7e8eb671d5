package org.layerlab.nn.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import org.layerlab.engine.Shape;
import org.layerlab.nn.layers.Input;

/**
 * Parts of a network as networks of their own, node ids kept, so they compile against the
 * whole network's weights (a ParameterStore keys weights by node id): a VAE's encoder (the
 * input up to z_mean) and decoder (from the Sampling node on, the node turned into an Input of
 * its shape), which the latent views run on their own.
 */
public final class SubGraphs {
    private SubGraphs() {
    }

    /** The node and everything it depends on: the network that ends in it. */
    public static NetworkGraph upTo(NetworkGraph g, String id) {
        Set<String> keep = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(Set.of(g.require(id).id()));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (keep.add(n)) {
                g.inputsOf(n).forEach(e -> todo.push(e.from()));
            }
        }
        return only(g, keep);
    }

    /** Everything downstream of the node, with the node itself an Input of the given shape in its place. */
    public static NetworkGraph from(NetworkGraph g, String id, Shape shape) {
        GraphNode start = g.require(id);
        Set<String> keep = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(Set.of(id));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (keep.add(n)) {
                g.outputsOf(n).forEach(e -> todo.push(e.to()));
            }
        }
        // The node's own inputs lie upstream and are gone with their edges.
        return only(g, keep).withNode(new GraphNode(id, start.name(), new Input(shape), start.x(), start.y()));
    }

    private static NetworkGraph only(NetworkGraph g, Set<String> keep) {
        NetworkGraph out = g;
        for (GraphNode n : g.nodes()) {
            if (!keep.contains(n.id())) {
                out = out.withoutNode(n.id());
            }
        }
        return out;
    }
}
