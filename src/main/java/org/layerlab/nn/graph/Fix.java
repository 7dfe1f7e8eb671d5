package org.layerlab.nn.graph;

import java.util.function.UnaryOperator;

/** A one-click repair: a label for the button ("Insert Flatten") and the edit it makes. */
public record Fix(String label, UnaryOperator<NetworkGraph> edit) {
    public NetworkGraph apply(NetworkGraph g) {
        return edit.apply(g);
    }
}
