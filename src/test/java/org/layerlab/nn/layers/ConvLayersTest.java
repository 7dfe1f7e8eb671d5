package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Padding;
import org.layerlab.nn.ShapeException;
import org.layerlab.nn.Size2;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;

class ConvLayersTest {
    /** The design documents' CNN, as PERFORMANCE.md describes it. */
    static Sequential designCnn() {
        return Sequential.input(28, 28, 1)
                .add(new Conv2D(32, 3, "relu")).add(new MaxPooling2D(2))
                .add(new Conv2D(64, 3, "relu")).add(new MaxPooling2D(2))
                .add(new Conv2D(64, 3, "relu")).add(new Flatten())
                .add(new Dense(64, "relu")).add(new Dense(10, "softmax"));
    }

    @Test
    void designCnnHasKerasShapesAndParameterCount() {
        Network net = designCnn().build(1);
        assertEquals(93_322, net.paramCount());
        assertEquals(Shape.of(10), net.outputShape());
        List<Shape> shapes = new ArrayList<>();
        Shape s = Shape.of(28, 28, 1);
        for (var node : designCnn().nodes().subList(1, 9)) {
            s = node.spec().outputShape(List.of(s));
            shapes.add(s);
        }
        assertEquals(List.of(Shape.of(26, 26, 32), Shape.of(13, 13, 32), Shape.of(11, 11, 64), Shape.of(5, 5, 64),
                Shape.of(3, 3, 64), Shape.of(576), Shape.of(64), Shape.of(10)), shapes);
    }

    @Test
    void stridedSamePaddingAndPoolingShapes() {
        Conv2D c = new Conv2D(8, 3, "linear").withPadding(Padding.SAME).withStrides(Size2.square(2));
        assertEquals(Shape.of(14, 14, 8), c.outputShape(List.of(Shape.of(28, 28, 3))));
        assertEquals(3 * 3 * 3 * 8 + 8, c.paramCount(List.of(Shape.of(28, 28, 3))));
        assertEquals(Shape.of(4, 4, 5), new MaxPooling2D(Size2.square(2), null, Padding.SAME).outputShape(List.of(Shape.of(7, 7, 5))));
        assertEquals(Shape.of(3, 3, 5), new AveragePooling2D(2).outputShape(List.of(Shape.of(7, 7, 5))));
        assertEquals(Shape.of(5), new GlobalAveragePooling2D().outputShape(List.of(Shape.of(7, 7, 5))));
        assertEquals(Shape.of(5), new GlobalMaxPooling2D().outputShape(List.of(Shape.of(7, 7, 5))));
        assertEquals(4 * 5, new BatchNormalization().paramCount(List.of(Shape.of(7, 7, 5))));
        assertEquals(2 * 5, new LayerNormalization().paramCount(List.of(Shape.of(3, 5))));
        assertEquals(Shape.of(28, 28, 1), Reshape.of(28, 28, 1).outputShape(List.of(Shape.of(784))));
    }

    @Test
    void mistakesAreExplained() {
        ShapeException flat = assertThrows(ShapeException.class,
                () -> new Conv2D(8, 3, "relu").outputShape(List.of(Shape.of(784))));
        assertTrue(flat.getMessage().contains("insert Reshape"), flat.getMessage());
        ShapeException small = assertThrows(ShapeException.class,
                () -> new Conv2D(8, 5, "relu").outputShape(List.of(Shape.of(3, 3, 1))));
        assertTrue(small.getMessage().contains("use padding 'same'"), small.getMessage());
        ShapeException reshape = assertThrows(ShapeException.class,
                () -> Reshape.of(5, 5).outputShape(List.of(Shape.of(24))));
        assertTrue(reshape.getMessage().contains("multiply to 24"), reshape.getMessage());
        IllegalArgumentException filters = assertThrows(IllegalArgumentException.class, () -> new Conv2D(0, 3, "relu"));
        assertEquals("Conv2D: filters must be a positive integer. Received: filters=0", filters.getMessage());
    }

    @Test
    void batchNormUsesMovingStatisticsInEvaluation() {
        Network net = Sequential.input(4).add(new BatchNormalization()).build(1);
        Tensor x = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 4);
        Tensor train = net.forward(x, true).copy();
        assertEquals(-1f, train.get(0), 1e-2);
        Tensor eval = net.forward(x, false);
        // moving_mean moved 1% toward the batch mean (3), moving_variance 1% toward 4 from 1.
        assertEquals((1 - 0.03) / Math.sqrt(0.99 + 0.04 + 1e-3), eval.get(0), 1e-4);
        assertEquals(4, net.parameterStore().ofNode("batchnormalization").size());
        assertEquals(8, net.parameters().stream().mapToInt(p -> p.size()).sum(), "only gamma and beta train");
    }

    @Test
    void spatialDropoutDropsWholeChannels() {
        Network net = Sequential.input(4, 4, 8).add(new SpatialDropout2D(0.5)).build(3);
        Tensor x = Tensor.zeros(2, 4, 4, 8);
        x.fill(1f);
        Tensor y = net.forward(x, true);
        for (int b = 0; b < 2; b++) {
            for (int ch = 0; ch < 8; ch++) {
                float first = y.get(b * 128 + ch);
                for (int p = 0; p < 16; p++) {
                    assertEquals(first, y.get(b * 128 + p * 8 + ch), "one value per channel");
                }
            }
        }
        assertEquals(1f, net.forward(x, false).get(5));
    }
}
