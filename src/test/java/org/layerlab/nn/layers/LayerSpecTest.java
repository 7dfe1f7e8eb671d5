package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.ShapeException;

class LayerSpecTest {
    private static LayerRuntime build(LayerSpec spec, Shape in, ParameterStore store) {
        return spec.build(new BuildContext("node", List.of(in), store, 9));
    }

    @Test
    void denseShapeAndParameterCountMatchKeras() {
        Dense d = new Dense(10, Activation.RELU);
        assertEquals(Shape.of(10), d.outputShape(List.of(Shape.of(13))));
        assertEquals(13 * 10 + 10, d.paramCount(List.of(Shape.of(13))));
        Dense noBias = new Dense(4, Activation.LINEAR, false, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, Regularizer.NONE);
        assertEquals(12, noBias.paramCount(List.of(Shape.of(3))));
    }

    @Test
    void denseOnAnImageAsksForFlatten() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new Dense(10).outputShape(List.of(Shape.of(26, 26, 32))));
        assertEquals("Dense needs a flat input but receives (26, 26, 32): insert Flatten before it", e.getMessage());
    }

    @Test
    void badArgumentsNameParameterValueAndRule() {
        IllegalArgumentException units = assertThrows(IllegalArgumentException.class, () -> new Dense(0));
        assertEquals("Dense: units must be a positive integer. Received: units=0", units.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertEquals("Dropout: rate must be in [0.0, 1.0). Received: rate=1.5", rate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Regularizer.l2(-1));
        assertThrows(IllegalArgumentException.class, () -> new Dense(3, "relux"));
    }

    @Test
    void denseGradientsThroughTheWholeLayerMatchFiniteDifferences() {
        Random rng = new Random(2);
        ParameterStore store = new ParameterStore(1);
        Dense spec = new Dense(3, Activation.LINEAR, true, Initializer.GLOROT_UNIFORM,
                Initializer.randomNormal(0, 0.5), Regularizer.NONE);
        LayerRuntime rt = build(spec, Shape.of(4), store);
        Tensor x = GradCheck.random(rng, 1, 5, 4);
        Tensor y = Tensor.zeros(5, 3);
        Tensor w = GradCheck.random(rng, 1, 5, 3);
        Tensor dx = Tensor.zeros(5, 4);
        rt.forward(new Tensor[] {x}, y, true);
        rt.backward(new Tensor[] {x}, y, w, new Tensor[] {dx});
        Supplier<Double> objective = () -> {
            rt.forward(new Tensor[] {x}, y, true);
            return GradCheck.weightedSum(y, w);
        };
        GradCheck.tensor("dense dx", x, dx, objective);
        for (Parameter p : rt.parameters()) {
            GradCheck.tensor("dense " + p.name(), p.value(), p.grad(), objective);
        }
    }

    @Test
    void dropoutIsOffInEvaluationAndScalesInTraining() {
        LayerRuntime rt = build(new Dropout(0.5), Shape.of(1000), new ParameterStore(1));
        Tensor x = Tensor.zeros(1, 1000);
        x.fill(1f);
        Tensor y = Tensor.zeros(1, 1000);
        rt.forward(new Tensor[] {x}, y, false);
        assertEquals(1000.0, sum(y), 1e-3);
        rt.forward(new Tensor[] {x}, y, true);
        int zeros = 0;
        for (int i = 0; i < 1000; i++) {
            assertTrue(y.get(i) == 0f || y.get(i) == 2f);
            zeros += y.get(i) == 0f ? 1 : 0;
        }
        assertEquals(500, zeros, 60);
        Tensor dy = Tensor.zeros(1, 1000);
        dy.fill(1f);
        Tensor dx = Tensor.zeros(1, 1000);
        rt.backward(new Tensor[] {x}, y, dy, new Tensor[] {dx});
        for (int i = 0; i < 1000; i++) {
            assertEquals(y.get(i), dx.get(i), "dropout gradient follows the same mask");
        }
    }

    private static double sum(Tensor t) {
        double s = 0;
        for (int i = 0; i < t.size(); i++) {
            s += t.get(i);
        }
        return s;
    }

    @Test
    void activationLayersFollowKerasDefaults() {
        ParameterStore store = new ParameterStore(1);
        Tensor x = Tensor.wrap(new float[] {-1f, 2f}, 1, 2);
        Tensor y = Tensor.zeros(1, 2);
        build(new LeakyReLU(), Shape.of(2), store).forward(new Tensor[] {x}, y, false);
        assertEquals(-0.3f, y.get(0), 1e-7f, "Keras 3 LeakyReLU negative_slope defaults to 0.3");
        build(new ELU(), Shape.of(2), store).forward(new Tensor[] {x}, y, false);
        assertEquals((float) Math.expm1(-1), y.get(0), 1e-7f);
        LayerRuntime prelu = build(new PReLU(), Shape.of(2), store);
        prelu.forward(new Tensor[] {x}, y, false);
        assertEquals(0f, y.get(0), 0f, "PReLU starts as a ReLU: alpha_initializer zeros");
        assertEquals(2f, y.get(1));
        assertEquals(2, new PReLU().paramCount(List.of(Shape.of(2))));
        assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(-0.1));
    }
}
