package org.layerlab.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Tensor;

class ElementwiseTest {
    private final Random rng = new Random(3);
    private final Tensor a = GradCheck.random(rng, 1, 2, 4);
    private final Tensor b = GradCheck.random(rng, 1, 2, 4);
    private final Tensor w = GradCheck.random(rng, 1, 2, 4);
    private final Tensor y = Tensor.zeros(2, 4);

    @Test
    void addGradientMatchesFiniteDifferences() {
        Tensor da = Tensor.zeros(2, 4);
        Tensor db = Tensor.zeros(2, 4);
        Add.backward(w, da, db);
        GradCheck.tensor("add da", a, da, () -> {
            Add.forward(a, b, y);
            return GradCheck.weightedSum(y, w);
        });
        GradCheck.tensor("add db", b, db, () -> {
            Add.forward(a, b, y);
            return GradCheck.weightedSum(y, w);
        });
    }

    @Test
    void multiplyGradientMatchesFiniteDifferences() {
        Tensor da = Tensor.zeros(2, 4);
        Tensor db = Tensor.zeros(2, 4);
        Multiply.backward(a, b, w, da, db);
        GradCheck.tensor("multiply da", a, da, () -> {
            Multiply.forward(a, b, y);
            return GradCheck.weightedSum(y, w);
        });
        GradCheck.tensor("multiply db", b, db, () -> {
            Multiply.forward(a, b, y);
            return GradCheck.weightedSum(y, w);
        });
    }

    @Test
    void dropoutWithAFixedMaskHasTheRightGradientAndScale() {
        byte[] mask = {1, 0, 1, 1, 0, 1, 1, 0};
        double rate = 0.4;
        Tensor dx = Tensor.zeros(2, 4);
        Dropout.backward(w, mask, rate, dx);
        GradCheck.tensor("dropout", a, dx, () -> {
            Dropout.forward(a, mask, rate, y);
            return GradCheck.weightedSum(y, w);
        });
        Dropout.forward(a, mask, rate, y);
        assertEquals(a.get(0) / 0.6f, y.get(0), 1e-6);
        assertEquals(0f, y.get(1));
    }

    @Test
    void dropoutMasksDropTheRequestedShare() {
        byte[] mask = new byte[100_000];
        Dropout.drawMask(mask, mask.length, 0.3, 12345);
        int kept = 0;
        for (byte m : mask) {
            kept += m;
        }
        assertEquals(0.7, kept / 100_000.0, 0.01);
    }
}
