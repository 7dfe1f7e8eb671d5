package org.layerlab.nn.layers;

import org.layerlab.engine.Tensor;
import org.layerlab.nn.LayerRuntime;

/**
 * The runtime of layers that only change how values are viewed (Flatten, Reshape): batch-first
 * row-major data is already laid out right, so forward copies and backward adds.
 */
final class CopyRuntime implements LayerRuntime {
    @Override
    public void forward(Tensor[] inputs, Tensor output, boolean training) {
        System.arraycopy(inputs[0].data(), 0, output.data(), 0, output.size());
    }

    @Override
    public void backward(Tensor[] inputs, Tensor output, Tensor gradOutput, Tensor[] gradInputs) {
        Tensor dx = gradInputs[0];
        if (dx == null) {
            return;
        }
        float[] g = gradOutput.data();
        float[] d = dx.data();
        for (int i = 0, n = gradOutput.size(); i < n; i++) {
            d[i] += g[i];
        }
    }
}
