package org.layerlab.nn.graph;

import org.layerlab.nn.Checks;

/** A connection from a node's output to input port {@code port} (0-based) of another node. */
public record GraphEdge(String from, String to, int port) {
    public GraphEdge {
        Checks.notNull("edge", "from", from);
        Checks.notNull("edge", "to", to);
        if (port < 0) {
            throw new IllegalArgumentException("edge " + from + " → " + to + ": port must be 0 or more. Received: port=" + port);
        }
    }

    @Override
    public String toString() {
        return from + " → " + to + (port == 0 ? "" : " (input " + (port + 1) + ")");
    }
}
