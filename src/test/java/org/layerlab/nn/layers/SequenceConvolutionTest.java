package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.ShapeException;

/** Conv1D and the 1-D poolings: Keras' shapes for each padding, causality, and gradients. */
class SequenceConvolutionTest {
    private static Conv1D conv(int filters, int k, int stride, String padding, int dilation) {
        return new Conv1D(filters, k, stride, padding, dilation, Activation.LINEAR, true, Initializer.GLOROT_UNIFORM,
                Initializer.randomNormal(0, 0.5));
    }

    @Test
    void shapesAndCountsAreKeras() {
        List<Shape> in = List.of(Shape.of(10, 8));
        assertEquals(3 * 8 * 32 + 32, conv(32, 3, 1, "valid", 1).paramCount(in));
        assertEquals(Shape.of(8, 32), conv(32, 3, 1, "valid", 1).outputShape(in));
        assertEquals(Shape.of(10, 32), conv(32, 3, 1, "same", 1).outputShape(in));
        assertEquals(Shape.of(10, 32), conv(32, 3, 1, "causal", 2).outputShape(in));
        assertEquals(Shape.of(5, 32), conv(32, 3, 2, "same", 1).outputShape(in));
        assertEquals(Shape.of(4, 32), conv(32, 3, 2, "valid", 1).outputShape(in));
        assertEquals(Shape.of(6, 32), conv(32, 3, 1, "valid", 2).outputShape(in));
        assertEquals(Shape.of(3, 3), new MaxPooling1D(2, null, "valid").outputShape(List.of(Shape.of(7, 3))));
        assertEquals(Shape.of(4, 3), new AveragePooling1D(2, null, "same").outputShape(List.of(Shape.of(7, 3))));
        ShapeException tooShort = assertThrows(ShapeException.class,
                () -> conv(4, 5, 1, "valid", 1).outputShape(List.of(Shape.of(3, 2))));
        assertTrue(tooShort.getMessage().contains("use padding 'same' or 'causal'"), tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> conv(4, 3, 1, "full", 1));
    }

    /** Causal: output t depends on inputs up to t, never later ones. */
    @Test
    void causalOutputsSeeOnlyThePast() {
        Conv1D c = conv(2, 3, 1, "causal", 2);
        List<Shape> shapes = List.of(Shape.of(8, 2));
        LayerRuntime rt = c.build(new BuildContext("c", shapes, new ParameterStore(1), 1));
        Tensor x = GradCheck.random(new Random(1), 1, 1, 8, 2);
        Tensor y = Tensor.zeros(1, 8, 2);
        rt.allocate(1);
        rt.forward(new Tensor[] {x}, y, false);
        float[] before = y.data().clone();
        x.data()[5 * 2] += 1f;
        rt.forward(new Tensor[] {x}, y, false);
        for (int i = 0; i < 5 * 2; i++) {
            assertEquals(before[i], y.data()[i], 0f, "steps 0..4 cannot see step 5");
        }
        assertNotEquals(before[5 * 2], y.data()[5 * 2]);
    }

    static Stream<LayerSpec> variants() {
        return Stream.of(conv(3, 3, 1, "same", 1), conv(3, 3, 1, "causal", 2), conv(2, 2, 2, "valid", 1),
                new MaxPooling1D(2, 1, "same"), new AveragePooling1D(3, 2, "same"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void gradientsMatchFiniteDifferences(LayerSpec spec) {
        LayerGradients.check(spec, List.of(Shape.of(7, 3)), 2, 3);
    }
}
