package org.layerlab.data;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

/**
 * A dataset whose target is its input, for autoencoders: each sample's target row is its
 * features, flattened (the loss compares outputs and targets value by value, so an output of
 * the input's shape fits). It is regression data, whatever the base was; the base's labels stay
 * reachable through {@link #labelled()} (to colour a latent map by class).
 */
public final class ReconstructionDataset implements Dataset {
    private final Dataset base;
    // The base's targets land here and are dropped; grown once to the largest batch.
    private Tensor labels = Tensor.zeros(0, 1);

    public ReconstructionDataset(Dataset base) {
        this.base = base;
    }

    /** The data with its own targets. */
    public Dataset labelled() {
        return base;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public Shape featureShape() {
        return base.featureShape();
    }

    @Override
    public int targetWidth() {
        return base.featureShape().size();
    }

    @Override
    public List<String> classNames() {
        return List.of();
    }

    @Override
    public List<String> featureNames() {
        return base.featureNames();
    }

    @Override
    public Dataset original() {
        Dataset o = base.original();
        return o == base ? this : new ReconstructionDataset(o);
    }

    @Override
    public void gather(int[] order, int from, int to, Tensor x, Tensor y) {
        int n = to - from;
        if (labels.capacityBatch() < n || labels.sampleSize() != base.targetWidth()) {
            labels = Tensor.zeros(n, base.targetWidth());
        }
        base.gather(order, from, to, x, labels);
        y.setBatch(n);
        System.arraycopy(x.data(), 0, y.data(), 0, n * x.sampleSize());
    }

    /** The first target value, as the interface asks: the sample's first feature. */
    @Override
    public float target(int i) {
        Tensor x = Tensor.ofBatch(1, featureShape());
        base.gather(new int[] {i}, 0, 1, x, Tensor.zeros(1, base.targetWidth()));
        return x.get(0);
    }
}
