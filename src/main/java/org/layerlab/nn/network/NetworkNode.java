package org.layerlab.nn.network;

import java.util.List;

import org.layerlab.nn.Checks;
import org.layerlab.nn.layers.LayerSpec;

/** One node of a network plan: a stable id, the name users see, the layer, and its input node ids. */
public record NetworkNode(String id, String name, LayerSpec spec, List<String> inputs) {
    public NetworkNode {
        Checks.notNull("NetworkNode", "id", id);
        Checks.notNull("NetworkNode", "spec", spec);
        name = name == null ? id : name;
        inputs = List.copyOf(inputs);
    }
}
