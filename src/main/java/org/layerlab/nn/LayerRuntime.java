package org.layerlab.nn;

import java.util.List;

import org.layerlab.engine.Tensor;

/**
 * The executable form of a layer for one network. Order of use: {@link #allocate} for the largest
 * batch, then per batch {@link #forward} and, when training, {@link #backward} with the same
 * tensors. Backward accumulates (+=) into the input gradients and parameter gradients (but see
 * {@link #writeInputGradient} and {@link #writeParameterGradients}); an input gradient is null
 * when nothing upstream needs it.
 */
public interface LayerRuntime {
    void forward(Tensor[] inputs, Tensor output, boolean training);

    void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs);

    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Asks backward to write (=) its one input's gradient from now on instead of adding to it. The
     * network asks when this step is the only one that writes that gradient, and does not zero
     * the buffer before each pass for the runtimes that answer true: zeroing a CNN's activation
     * gradients was a tenth of its training step. A runtime that says true must write every value
     * of the gradient, for every sample of the batch.
     */
    default boolean writeInputGradient() {
        return false;
    }

    /**
     * Asks backward to write (=) gradients of its parameters from now on instead of adding to
     * them, and returns those it will write: the network then leaves them out when it zeroes
     * gradients before a pass. It asks only when each of this runtime's parameters appears in one
     * step of the network. A runtime must write every value of what it returns, in every
     * backward. The kernels of Dense and Conv2D are 400 KB in the benchmark MLP: zeroing them and
     * reading them back in the product that adds to them was two passes over memory a step.
     */
    default List<Parameter> writeParameterGradients() {
        return List.of();
    }

    /**
     * Whether each output copies one value of the one input and backward sends that output's
     * gradient to that value's cell alone, no cell getting gradient from two outputs: max
     * pooling whose windows do not overlap. The network then runs a ReLU just before such a step
     * on the gradient of this step's output (a quarter of the values for 2 × 2 pooling) instead
     * of on its input's, the ReLU's slope at the winning cell being its slope at the output.
     */
    default boolean routesEachCellOnce() {
        return false;
    }

    /** Scratch buffers sized for this many samples (e.g. a dropout mask). */
    default void allocate(int batchCapacity) {
    }
}
