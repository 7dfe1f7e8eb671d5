package org.layerlab.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;

/** What a layer needs to build its runtime: its node id, input shapes, the weights store, a seed. */
public record BuildContext(String nodeId, List<Shape> inputShapes, ParameterStore store, long seed) {
    public Shape input() {
        return inputShapes.get(0);
    }

    /** Creates (or reuses, when the dims still fit) each declared tensor; by name, in declared order. */
    public Map<String, Parameter> parameters(List<ParameterSpec> specs) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            out.put(s.name(), s.trainable()
                    ? store.getOrCreate(nodeId, s.name(), s.dims(), s.initializer(), s.fanIn(), s.fanOut(), s.regularizer())
                    : store.getOrCreateState(nodeId, s.name(), s.dims(), s.initial()));
        }
        return out;
    }
}
