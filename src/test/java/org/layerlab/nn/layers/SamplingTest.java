package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.ShapeException;

/** The VAE's Sampling layer: the sample, the KL term and their gradients. */
class SamplingTest {
    private static Sampling.Runtime build(double weight, int n, long seed) {
        List<Shape> shapes = List.of(Shape.of(n), Shape.of(n));
        return (Sampling.Runtime) new Sampling(weight).build(new BuildContext("z", shapes, new ParameterStore(seed), seed));
    }

    @Test
    void gradientsThroughOneSampleAndTheKlTermMatchFiniteDifferences() {
        LayerGradients.check(new Sampling(0.7), List.of(Shape.of(3), Shape.of(3)), 3, 5);
        LayerGradients.check(new Sampling(0), List.of(Shape.of(2, 2), Shape.of(2, 2)), 4, 9);
    }

    @Test
    void klIsTheClosedFormSummedOverValuesAndAveragedOverTheBatch() {
        Sampling.Runtime rt = build(2.0, 2, 1);
        Tensor mean = Tensor.wrap(new float[] {0.5f, -1f, 0f, 0f}, 2, 2);
        Tensor logVar = Tensor.wrap(new float[] {0f, (float) Math.log(4), 0f, 0f}, 2, 2);
        rt.forward(new Tensor[] {mean, logVar}, Tensor.zeros(2, 2), false);
        // Sample 1: −½[(1 + 0 − 0.25 − 1) + (1 + ln 4 − 1 − 4)]; sample 2 is N(0, 1) itself: 0.
        double first = -0.5 * ((1 + 0 - 0.25 - 1) + (1 + Math.log(4) - 1 - 4));
        assertEquals(2.0 * first / 2, rt.lastLoss(), 1e-6);
        assertEquals("kl_loss", rt.lossName());
    }

    @Test
    void samplesHaveTheGivenMeanAndSpreadAndInferenceGivesTheMean() {
        int n = 20_000;
        Sampling.Runtime rt = build(1, n, 2);
        rt.allocate(1);
        float[] mu = new float[n];
        float[] lv = new float[n];
        java.util.Arrays.fill(mu, 2f);
        java.util.Arrays.fill(lv, (float) Math.log(0.25)); // σ = 0.5
        Tensor[] in = {Tensor.wrap(mu, 1, n), Tensor.wrap(lv, 1, n)};
        Tensor z = Tensor.zeros(1, n);
        rt.forward(in, z, true);
        double sum = 0;
        double squares = 0;
        for (float v : z.data()) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / n;
        assertEquals(2.0, mean, 0.02);
        assertEquals(0.5, Math.sqrt(squares / n - mean * mean), 0.01);

        rt.forward(in, z, false);
        assertArrayEquals(mu, z.data());
    }

    @Test
    void theSameSeedDrawsTheSameNoiseAndEachBatchNewNoise() {
        Tensor[] in = {Tensor.zeros(1, 4), Tensor.zeros(1, 4)};
        Tensor a = Tensor.zeros(1, 4);
        Tensor b = Tensor.zeros(1, 4);
        build(1, 4, 7).forward(in, a, true);
        Sampling.Runtime again = build(1, 4, 7);
        again.forward(in, b, true);
        assertArrayEquals(a.data(), b.data());
        again.forward(in, b, true);
        assertNotEquals(a.data()[0], b.data()[0]);
    }

    @Test
    void inputsOfDifferentShapesAreRefusedWithWhatToDo() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> new Sampling(1).outputShape(List.of(Shape.of(2), Shape.of(3))));
        assertTrue(e.getMessage().contains("same number of units"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sampling(-1));
    }
}
