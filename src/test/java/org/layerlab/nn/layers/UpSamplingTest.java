package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Upsample;
import org.layerlab.nn.Size2;

/** UpSampling2D: Keras' pixels (repeated, or blended at pixel centres) and gradients that match finite differences. */
class UpSamplingTest {
    @Test
    void nearestRepeatsAndBilinearBlendsAtPixelCentres() {
        Tensor x = Tensor.wrap(new float[] {0, 1}, 1, 1, 2, 1);
        Tensor y = Tensor.zeros(1, 1, 4, 1);
        Upsample.forward(x, y, 1, 2, false);
        assertArrayEquals(new float[] {0, 0, 1, 1}, y.data());
        // Centres at −0.25, 0.25, 0.75, 1.25 of the source: clamped at the edges, as TensorFlow and PyTorch do.
        Upsample.forward(x, y, 1, 2, true);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, y.data(), 1e-7f);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerGradients.check(new UpSampling2D(new Size2(2, 3), "bilinear"), List.of(Shape.of(3, 2, 2)), 3, 5);
        LayerGradients.check(new UpSampling2D(new Size2(3, 2), "nearest"), List.of(Shape.of(2, 3, 1)), 3, 5);
    }
}
