package org.layerlab.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Tensor;

class LinearTest {
    private final Random rng = new Random(7);
    private final Tensor x = GradCheck.random(rng, 1, 4, 3);
    private final Tensor w = GradCheck.random(rng, 1, 3, 5);
    private final Tensor b = GradCheck.random(rng, 1, 5);
    private final Tensor upstream = GradCheck.random(rng, 1, 4, 5);
    private final Tensor y = Tensor.zeros(4, 5);

    private double objective() {
        Linear.forward(x, w, b, y);
        return GradCheck.weightedSum(y, upstream);
    }

    @Test
    void forwardComputesXTimesWPlusB() {
        Tensor xs = Tensor.wrap(new float[] {1, 2}, 1, 2);
        Tensor ws = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor bs = Tensor.wrap(new float[] {0.5f, 0, -1}, 3);
        Tensor out = Tensor.zeros(1, 3);
        Linear.forward(xs, ws, bs, out);
        assertArrayEquals(new float[] {9.5f, 12f, 14f}, out.data());
    }

    @Test
    void gradientsOfInputWeightsAndBiasMatchFiniteDifferences() {
        Tensor dx = Tensor.zeros(4, 3);
        Tensor dw = Tensor.zeros(3, 5);
        Tensor db = Tensor.zeros(5);
        Linear.forward(x, w, b, y);
        Linear.backward(x, w, upstream, dx, dw, db);
        GradCheck.tensor("linear dx", x, dx, this::objective);
        GradCheck.tensor("linear dW", w, dw, this::objective);
        GradCheck.tensor("linear db", b, db, this::objective);
    }

    @Test
    void backwardAccumulatesIntoExistingGradients() {
        Tensor dw = Tensor.zeros(3, 5);
        Linear.forward(x, w, b, y);
        Linear.backward(x, w, upstream, null, dw, null);
        float[] once = dw.copy().data();
        Linear.backward(x, w, upstream, null, dw, null);
        for (int i = 0; i < once.length; i++) {
            once[i] *= 2;
        }
        assertArrayEquals(once, dw.data(), 1e-5f);
    }

    @Test
    void biasGradientOfManyChannelsAndRowsSumsEachColumnInOrder() {
        // 40 channels and 30,000 rows: large enough that the sum splits over cores by channel.
        int c = 40;
        int rows = 30_000;
        Tensor dy = GradCheck.random(new Random(9), 1, rows, c);
        Tensor db = Tensor.wrap(new float[c], c);
        db.fill(0.5f);
        AddBias.backward(dy, db);
        float[] expected = new float[c];
        for (int j = 0; j < c; j++) {
            float sum = 0.5f;
            for (int r = 0; r < rows; r++) {
                sum += dy.data()[r * c + j];
            }
            expected[j] = sum;
        }
        // Exactly equal: each column is summed in row order, whichever core sums it.
        assertArrayEquals(expected, db.data());
    }
}
