package org.layerlab.training;

import java.util.List;

/**
 * Copies of one layer's parameters and their last gradients, taken on the training thread between
 * batches (so the UI never reads live buffers). Each entry: name ("kernel"), dims, values, grads.
 */
public record WeightSnapshot(String nodeId, long step, List<Entry> params) {
    /** One parameter tensor. */
    public record Entry(String name, int[] dims, float[] values, float[] grads) {
    }
}
