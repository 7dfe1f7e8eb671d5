package org.layerlab.nn.layers;

import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.GlobalPool;
import org.layerlab.nn.LayerRuntime;

/** The runtimes of the global poolings, 1D and 2D alike: the op reduces every position of each channel. */
final class GlobalPooling {
    private GlobalPooling() {
    }

    static LayerRuntime average() {
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                GlobalPool.averageForward(inputs[0], output);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    GlobalPool.averageBackward(gradOutput, gradInputs[0]);
                }
            }
        };
    }

    static LayerRuntime max(int channels) {
        return new LayerRuntime() {
            private int[] argMax = new int[0];

            @Override
            public void allocate(int batchCapacity) {
                argMax = new int[batchCapacity * channels];
            }

            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                GlobalPool.maxForward(inputs[0], output, argMax);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    GlobalPool.maxBackward(gradOutput, gradInputs[0], argMax);
                }
            }
        };
    }
}
