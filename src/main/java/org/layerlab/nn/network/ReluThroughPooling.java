package org.layerlab.nn.network;

import java.util.List;

import org.layerlab.engine.ops.Activate;
import org.layerlab.engine.ops.ActivationFunction;

/**
 * A ReLU whose only reader is a max pooling with windows that do not overlap (Conv2D(relu) then
 * MaxPooling2D) runs its backward on the pooling's output gradient, before the pooling routes it
 * down, instead of on the pooling's input gradient afterwards: the pooled value is the winning
 * cell's, so the ReLU's slope there is the same, and every other cell gets zero either way. For
 * 2 × 2 pooling that is a quarter of the values, and the pass over the full-size gradient (3 × 2.7
 * MB for the benchmark CNN's first convolution) goes. The values are the same as the separate
 * backward's; a gradient that the ReLU zeroes may carry the sign of its incoming gradient there
 * (−0) and +0 here.
 *
 * <p>Only for training: a network asked for every node's gradient ({@link Network#withInputGradient})
 * runs each step's backward as it is, since the ReLU's output gradient is not formed here.
 */
final class ReluThroughPooling {
    private ReluThroughPooling() {
    }

    /** Marks the pairs: the pooling runs the ReLU's backward, which is then skipped. */
    static void mark(List<Step> steps) {
        int[] readers = Step.readers(steps);
        for (Step pool : steps) {
            if (pool.inputs.length != 1 || !pool.runtime.routesEachCellOnce()) {
                continue;
            }
            int r = pool.inputs[0];
            Step relu = steps.get(r);
            // Both gradients below the pooling written by one step each, so writing the lower one
            // here leaves nothing to zero or add; the ReLU's output gradient has no other reader.
            if (relu.isInput || relu.activation == null || relu.activation.function() != ActivationFunction.RELU
                    || relu.inputs.length != 1 || readers[r] != 1 || !relu.writtenByReader || !relu.needsGrad) {
                continue;
            }
            Step below = steps.get(relu.inputs[0]);
            if (below.isInput || !below.needsGrad || !below.writtenByReader) {
                continue;
            }
            pool.reluBefore = r;
            relu.backwardByReader = true;
        }
    }

    /** Undoes {@link #mark}: every step runs its own backward. */
    static void clear(List<Step> steps) {
        for (Step s : steps) {
            s.reluBefore = -1;
            s.backwardByReader = false;
        }
    }

    /**
     * The pooling's backward with the ReLU's folded in: its output gradient times the ReLU's
     * slope at its output (in place: nothing reads that gradient after this step), routed into
     * the gradient below the ReLU.
     */
    static void backward(Step pool, List<Step> steps) {
        Step relu = steps.get(pool.reluBefore);
        Activate.backward(ActivationFunction.RELU, 0, pool.out, pool.out, pool.grad, pool.grad, true);
        pool.gradBuf[0] = steps.get(relu.inputs[0]).grad;
        pool.runtime.backward(pool.inputTensors(steps), pool.out, pool.grad, pool.gradBuf);
    }
}
