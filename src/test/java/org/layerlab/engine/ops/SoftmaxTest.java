package org.layerlab.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Tensor;

class SoftmaxTest {
    @Test
    void gradientMatchesFiniteDifferences() {
        Random rng = new Random(1);
        Tensor x = GradCheck.random(rng, 1.5, 3, 5);
        Tensor w = GradCheck.random(rng, 1, 3, 5);
        Tensor y = Tensor.zeros(3, 5);
        Tensor dx = Tensor.zeros(3, 5);
        Softmax.forward(x, y);
        Softmax.backward(y, w, dx);
        GradCheck.tensor("softmax", x, dx, () -> {
            Softmax.forward(x, y);
            return GradCheck.weightedSum(y, w);
        });
    }

    @Test
    void rowsAreDistributionsEvenForHugeLogits() {
        Tensor x = Tensor.wrap(new float[] {100f, -100f, 0f, 1000f, 999f, -1000f}, 2, 3);
        Tensor y = Tensor.zeros(2, 3);
        Softmax.forward(x, y);
        assertTrue(y.allFinite());
        assertEquals(1.0, y.get(0) + y.get(1) + y.get(2), 1e-6);
        assertEquals(1 / (1 + Math.exp(-1)), y.get(3), 1e-6);
    }

    @Test
    void logSoftmaxGradientMatchesFiniteDifferences() {
        Random rng = new Random(2);
        Tensor x = GradCheck.random(rng, 1.5, 3, 5);
        Tensor w = GradCheck.random(rng, 1, 3, 5);
        Tensor y = Tensor.zeros(3, 5);
        Tensor dx = Tensor.zeros(3, 5);
        LogSoftmax.forward(x, y);
        LogSoftmax.backward(y, w, dx);
        GradCheck.tensor("log_softmax", x, dx, () -> {
            LogSoftmax.forward(x, y);
            return GradCheck.weightedSum(y, w);
        });
    }

    @Test
    void logSoftmaxIsTheLogOfSoftmaxAndFiniteWhereSoftmaxUnderflows() {
        Tensor x = Tensor.wrap(new float[] {0.5f, -1f, 2f, 1000f, 0f, -1000f}, 2, 3);
        Tensor p = Tensor.zeros(2, 3);
        Tensor logp = Tensor.zeros(2, 3);
        Softmax.forward(x, p);
        LogSoftmax.forward(x, logp);
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.log(p.get(i)), logp.get(i), 1e-6);
        }
        assertTrue(logp.allFinite());
        assertEquals(-2000f, logp.get(5), 1e-3);
    }
}
