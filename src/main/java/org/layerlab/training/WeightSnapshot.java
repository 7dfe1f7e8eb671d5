package org.layerlab.training;

import java.util.List;

/**
 * Copies of one layer's parameters and their last gradients, taken on the training thread between
 * batches (so the UI never reads live buffers). Each entry: name ("kernel"), dims, values, grads.
 */
public record WeightSnapshot(String nodeId, long step, List<Entry> params) {
    /** One parameter tensor, with the distributions of its values and gradients. */
    public record Entry(String name, int[] dims, float[] values, float[] grads, Distribution valueDistribution,
                        Distribution gradDistribution) {
        public Entry(String name, int[] dims, float[] values, float[] grads) {
            this(name, dims, values, grads, Distribution.of(values), Distribution.of(grads));
        }
    }
}
