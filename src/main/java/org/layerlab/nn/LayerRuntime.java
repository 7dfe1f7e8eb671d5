package org.layerlab.nn;

import java.util.List;

import org.layerlab.engine.Tensor;

/**
 * The executable form of a layer for one network. Order of use: {@link #allocate} for the largest
 * batch, then per batch {@link #forward} and, when training, {@link #backward} with the same
 * tensors. Backward accumulates (+=) into the input gradients and parameter gradients; an input
 * gradient is null when nothing upstream needs it.
 */
public interface LayerRuntime {
    void forward(Tensor[] inputs, Tensor output, boolean training);

    void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs);

    default List<Parameter> parameters() {
        return List.of();
    }

    /** Scratch buffers sized for this many samples (e.g. a dropout mask). */
    default void allocate(int batchCapacity) {
    }
}
