package org.layerlab.nn.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.layerlab.engine.Shape;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerSpec;

/**
 * A stack of layers, each feeding the next, named as Keras names them (dense, dense_1, ...).
 * <pre>
 * Network net = Sequential.input(4).add(new Dense(16, "relu")).add(new Dense(3, "softmax")).build(42);
 * </pre>
 */
public final class Sequential {
    private final List<NetworkNode> nodes = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();

    private Sequential(Shape inputShape) {
        nodes.add(new NetworkNode("input", "input", new Input(inputShape), List.of()));
    }

    public static Sequential input(int... dims) {
        return new Sequential(Shape.of(dims));
    }

    public static Sequential input(Shape shape) {
        return new Sequential(shape);
    }

    public Sequential add(LayerSpec layer) {
        String base = layer.kind().toLowerCase(Locale.ROOT);
        int n = counts.merge(base, 1, Integer::sum);
        String id = n == 1 ? base : base + "_" + (n - 1);
        String previous = nodes.get(nodes.size() - 1).id();
        nodes.add(new NetworkNode(id, id, layer, List.of(previous)));
        return this;
    }

    public List<NetworkNode> nodes() {
        return List.copyOf(nodes);
    }

    /** Compiles the stack into a runnable network with freshly initialized weights. */
    public Network build(long seed) {
        return Network.compile(nodes, new ParameterStore(seed));
    }
}
