package org.layerlab.data;

import org.layerlab.engine.Tensor;

/** Some samples of another dataset, by index, without copying them. */
final class SubsetDataset extends DerivedDataset {
    private final int[] indices;
    private int[] scratch = new int[0];

    SubsetDataset(Dataset base, int[] indices) {
        super(base);
        for (int i : indices) {
            if (i < 0 || i >= base.size()) {
                throw new IllegalArgumentException("sample index " + i + " is outside the dataset of " + base.size());
            }
        }
        this.indices = indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public float target(int i) {
        return base.target(indices[i]);
    }

    @Override
    public void gather(int[] order, int from, int to, Tensor x, Tensor y) {
        int n = to - from;
        if (scratch.length < n) {
            scratch = new int[n];
        }
        for (int r = 0; r < n; r++) {
            scratch[r] = indices[order[from + r]];
        }
        base.gather(scratch, 0, n, x, y);
    }
}
