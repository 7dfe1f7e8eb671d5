package org.layerlab.nn.layers;

import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.AvgPool2D;
import org.layerlab.engine.ops.MaxPool2D;
import org.layerlab.engine.ops.Window;
import org.layerlab.nn.LayerRuntime;

/** The runtimes of the windowed poolings, 1-D and 2-D alike: the 2-D ops over their window's geometry. */
final class WindowPooling {
    private WindowPooling() {
    }

    static LayerRuntime max(Window w) {
        return new LayerRuntime() {
            private int[] argMax = new int[0];
            private boolean write;

            @Override
            public void allocate(int batchCapacity) {
                argMax = new int[batchCapacity * w.outH() * w.outW() * w.channels()];
            }

            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                MaxPool2D.forward(inputs[0], output, w, argMax);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    MaxPool2D.backward(gradOutput, gradInputs[0], w, argMax, write);
                }
            }

            @Override
            public boolean writeInputGradient() {
                write = true;
                return true;
            }

            @Override
            public boolean routesEachCellOnce() {
                return w.strideH() >= w.kh() && w.strideW() >= w.kw();
            }
        };
    }

    static LayerRuntime average(Window w) {
        return new LayerRuntime() {
            @Override
            public void forward(Tensor[] inputs, Tensor output, boolean training) {
                AvgPool2D.forward(inputs[0], output, w);
            }

            @Override
            public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
                if (gradInputs[0] != null) {
                    AvgPool2D.backward(gradOutput, gradInputs[0], w);
                }
            }
        };
    }
}
