package org.layerlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.layerlab.engine.Tensor;

/**
 * The weights of a network, keyed by node id and parameter name, kept apart from the layer specs
 * so that specs stay immutable and a change to one layer keeps the weights of the others.
 */
public final class ParameterStore {
    private final Map<String, Map<String, Parameter>> byNode = new LinkedHashMap<>();
    private final long seed;

    public ParameterStore(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /**
     * The named parameter of a node: the existing one when its shape still fits, else a new one
     * initialized from a generator seeded by (store seed, node id, name), so initial values do not
     * depend on the order in which layers are built.
     */
    public Parameter getOrCreate(String nodeId, String name, int[] dims, Initializer init, int fanIn, int fanOut,
                                 Regularizer regularizer) {
        Map<String, Parameter> params = byNode.computeIfAbsent(nodeId, k -> new LinkedHashMap<>());
        Parameter existing = params.get(name);
        if (existing != null && Arrays.equals(existing.value().dims(), dims)) {
            if (existing.regularizer().equals(regularizer == null ? Regularizer.NONE : regularizer)) {
                return existing;
            }
            Parameter p = new Parameter(nodeId, name, existing.value(), regularizer);
            params.put(name, p);
            return p;
        }
        Tensor value = Tensor.zeros(dims);
        init.fill(value.data(), fanIn, fanOut, new SplittableRandom(seedFor(nodeId, name)));
        Parameter p = new Parameter(nodeId, name, value, regularizer);
        params.put(name, p);
        return p;
    }

    /** Non-trainable state (e.g. moving statistics), created filled with a constant when absent. */
    public Parameter getOrCreateState(String nodeId, String name, int[] dims, float initial) {
        Map<String, Parameter> params = byNode.computeIfAbsent(nodeId, k -> new LinkedHashMap<>());
        Parameter existing = params.get(name);
        if (existing != null && Arrays.equals(existing.value().dims(), dims)) {
            return existing;
        }
        Tensor value = Tensor.zeros(dims);
        value.fill(initial);
        Parameter p = new Parameter(nodeId, name, value, null, false);
        params.put(name, p);
        return p;
    }

    private long seedFor(String nodeId, String name) {
        return seed * 0x9E3779B97F4A7C15L + (nodeId + "/" + name).hashCode();
    }

    /**
     * Puts a loaded parameter in place. When the layer is built, its value is kept if the shape
     * still fits; a regularizer from the spec is attached then.
     */
    public void put(Parameter p) {
        byNode.computeIfAbsent(p.nodeId(), k -> new LinkedHashMap<>()).put(p.name(), p);
    }

    public List<Parameter> all() {
        List<Parameter> out = new ArrayList<>();
        byNode.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    public Map<String, Parameter> ofNode(String nodeId) {
        return byNode.getOrDefault(nodeId, Map.of());
    }

    /** Forgets the weights of nodes that no longer exist. */
    public void retainNodes(Collection<String> nodeIds) {
        byNode.keySet().retainAll(nodeIds);
    }

    /**
     * An independent store with the same seed and copies of every value (gradients start at zero):
     * what a run trains, so the document's weights never change under it.
     */
    public ParameterStore copy() {
        ParameterStore out = new ParameterStore(seed);
        for (Parameter p : all()) {
            Tensor value = Tensor.zeros(p.value().dims());
            System.arraycopy(p.value().data(), 0, value.data(), 0, p.size());
            out.put(new Parameter(p.nodeId(), p.name(), value, p.regularizer(), p.trainable()));
        }
        return out;
    }

    /**
     * A store holding these very parameters (not copies): networks compiled on it train the same
     * weights as this store's, while its {@link #retainNodes} leaves this one whole. A GAN's
     * generator and discriminator are compiled so, as parts of the network that holds both.
     */
    public ParameterStore sharing() {
        ParameterStore out = new ParameterStore(seed);
        all().forEach(out::put);
        return out;
    }

    /** Deep copy of all values (gradients are not copied), e.g. to restore the best epoch. */
    public Map<String, float[]> snapshotValues() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Parameter p : all()) {
            out.put(p.nodeId() + "/" + p.name(), Arrays.copyOf(p.value().data(), p.size()));
        }
        return out;
    }

    public void restoreValues(Map<String, float[]> snapshot) {
        for (Parameter p : all()) {
            float[] v = snapshot.get(p.nodeId() + "/" + p.name());
            if (v != null && v.length == p.size()) {
                System.arraycopy(v, 0, p.value().data(), 0, v.length);
            }
        }
    }

    public long totalSize() {
        long n = 0;
        for (Parameter p : all()) {
            n += p.size();
        }
        return n;
    }
}
