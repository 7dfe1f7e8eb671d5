package org.layerlab.training;

import java.util.ArrayList;
import java.util.List;

import org.layerlab.nn.Parameter;

/**
 * One layer's parameters and their last gradients as the views need them, taken on the training
 * thread between batches (so the UI never reads live buffers): per entry a small preview of the
 * values and gradients and their distributions (see {@link Entry}).
 * networkMaxAbs and networkMaxAbsGrad are the largest |weight| and |gradient| over every
 * layer's kernel, for drawing layers on one shared scale; NaN when not asked for.
 */
public record WeightSnapshot(String nodeId, long step, List<Entry> params, float networkMaxAbs,
                             float networkMaxAbsGrad) implements Snapshot {
    public WeightSnapshot(String nodeId, long step, List<Entry> params) {
        this(nodeId, step, params, Float.NaN, Float.NaN);
    }

    /**
     * The node's parameters, read from all (a network's or a project's); step -1 for weights not
     * from a run going on. With sharedScale, also the network-wide largest magnitudes (a pass
     * over every kernel). Null when the node has no parameters.
     */
    public static WeightSnapshot of(String nodeId, long step, List<Parameter> all, boolean sharedScale) {
        List<Entry> entries = new ArrayList<>();
        float maxAbs = sharedScale ? 0 : Float.NaN;
        float maxAbsGrad = sharedScale ? 0 : Float.NaN;
        for (Parameter p : all) {
            if (p.nodeId().equals(nodeId)) {
                // Read from the live buffers without copying them: only the preview and the
                // distributions leave. State such as moving means has no gradient: zeros.
                float[] grads = p.grad() == null ? new float[p.size()] : p.grad().data();
                entries.add(new Entry(p.name(), p.value().dims(), p.value().data(), grads));
            }
            // Kernels only: biases and normalization scales live on scales of their own.
            if (sharedScale && p.name().equals("kernel") && p.grad() != null) {
                maxAbs = Math.max(maxAbs, p.value().maxAbs());
                maxAbsGrad = Math.max(maxAbsGrad, p.grad().maxAbs());
            }
        }
        return entries.isEmpty() ? null : new WeightSnapshot(nodeId, step, entries, maxAbs, maxAbsGrad);
    }

    /**
     * The tensor that shows best what the layer learned: a recurrent layer's recurrent kernel
     * (units × gates; its input kernel may be a single row), else the first (a kernel).
     */
    public Entry main() {
        for (Entry e : params) {
            if (e.name().equals("recurrent_kernel")) {
                return e;
            }
        }
        return params.get(0);
    }

    /**
     * One parameter tensor of these dims: a {@link WeightPreview} of its values and gradients
     * (previewDims; the whole tensor when it is small) and the distributions of all of them.
     */
    public record Entry(String name, int[] dims, int[] previewDims, float[] values, float[] grads,
                        Distribution valueDistribution, Distribution gradDistribution) {
        /** From whole values and gradients (as many as dims say). */
        public Entry(String name, int[] dims, float[] values, float[] grads) {
            this(name, dims, WeightPreview.dims(dims, WeightPreview.MAX_SIDE),
                    WeightPreview.reduce(dims, values, WeightPreview.MAX_SIDE),
                    WeightPreview.reduce(dims, grads, WeightPreview.MAX_SIDE),
                    Distribution.of(values, size(dims)), Distribution.of(grads, size(dims)));
        }

        private static int size(int[] dims) {
            int n = 1;
            for (int d : dims) {
                n *= d;
            }
            return n;
        }
    }
}
