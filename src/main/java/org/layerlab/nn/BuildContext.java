package org.layerlab.nn;

import java.util.List;

import org.layerlab.engine.Shape;

/** What a layer needs to build its runtime: its node id, input shapes, the weights store, a seed. */
public record BuildContext(String nodeId, List<Shape> inputShapes, ParameterStore store, long seed) {
    public Shape input() {
        return inputShapes.get(0);
    }

    public Parameter parameter(String name, int[] dims, Initializer init, int fanIn, int fanOut, Regularizer reg) {
        return store.getOrCreate(nodeId, name, dims, init, fanIn, fanOut, reg);
    }

    public Parameter state(String name, int[] dims, float initial) {
        return store.getOrCreateState(nodeId, name, dims, initial);
    }
}
