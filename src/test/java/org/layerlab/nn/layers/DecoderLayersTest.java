package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.ConvTranspose2D;
import org.layerlab.engine.ops.Upsample;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Size2;

/**
 * The layers that make images larger: UpSampling2D's pixels (repeated, or blended at pixel
 * centres), Conv2DTranspose's output sizes as Keras computes them, and gradients that match finite
 * differences. (The exports compare both with Keras itself.)
 */
class DecoderLayersTest {
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
    void transposedConvolutionSizesAreKeras() {
        Shape in = Shape.of(5, 4, 2);
        assertEquals(Shape.of(10, 8, 3), conv(3, 3, 2, Padding.SAME).outputShape(List.of(in)));
        assertEquals(Shape.of(11, 9, 3), conv(3, 3, 2, Padding.VALID).outputShape(List.of(in)), "(n − 1)·s + k");
        assertEquals(Shape.of(15, 12, 3), conv(3, 1, 3, Padding.VALID).outputShape(List.of(in)), "a kernel below the stride");
    }

    @Test
    void eachPixelIsSpreadThroughTheKernel() {
        // One pixel of 2 through a 2×2 kernel of ones at stride 2: a 2×2 block of 2s, and bias on every output.
        Tensor x = Tensor.wrap(new float[] {2}, 1, 1, 1, 1);
        Tensor k = Tensor.wrap(new float[] {1, 1, 1, 1}, 2, 2, 1, 1);
        Tensor y = Tensor.zeros(1, 2, 2, 1);
        Conv2DTranspose spec = conv(1, 2, 2, Padding.VALID);
        org.layerlab.engine.ops.Window w = spec.window(Shape.of(1, 1, 1));
        ConvTranspose2D.forward(x, k, Tensor.wrap(new float[] {0.5f}, 1), y, w, new float[4]);
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, y.data());
    }

    private static Conv2DTranspose conv(int filters, int kernel, int stride, Padding padding) {
        return new Conv2DTranspose(filters, Size2.square(kernel), Size2.square(stride), padding, Activation.LINEAR, true,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerGradients.check(conv(2, 3, 2, Padding.VALID), List.of(Shape.of(3, 2, 2)), 3, 5);
        LayerGradients.check(new Conv2DTranspose(2, new Size2(4, 3), new Size2(2, 3), Padding.SAME, Activation.TANH, false,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS), List.of(Shape.of(2, 3, 2)), 3, 5);
        LayerGradients.check(conv(2, 1, 3, Padding.VALID), List.of(Shape.of(2, 2, 1)), 3, 5);
        LayerGradients.check(new UpSampling2D(new Size2(2, 3), "bilinear"), List.of(Shape.of(3, 2, 2)), 3, 5);
        LayerGradients.check(new UpSampling2D(new Size2(3, 2), "nearest"), List.of(Shape.of(2, 3, 1)), 3, 5);
    }
}
