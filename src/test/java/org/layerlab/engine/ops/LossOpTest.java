package org.layerlab.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Tensor;

class LossOpTest {
    private final Random rng = new Random(11);

    private static void check(String name, LossOp op, Tensor p, Tensor t) {
        Tensor grad = Tensor.zeros(p.dims());
        op.compute(p, t, grad);
        GradCheck.tensor(name, p, grad, () -> op.compute(p, t, null));
    }

    private Tensor probabilities(int n, int c) {
        Tensor p = Tensor.zeros(n, c);
        for (int i = 0; i < p.size(); i++) {
            p.set(i, 0.15f + 0.7f * rng.nextFloat());
        }
        return p;
    }

    private static Tensor oneHot(int[] labels, int c) {
        Tensor t = Tensor.zeros(labels.length, c);
        for (int i = 0; i < labels.length; i++) {
            t.set(i * c + labels[i], 1f);
        }
        return t;
    }

    private static Tensor labels(int... labels) {
        Tensor t = Tensor.zeros(labels.length, 1);
        for (int i = 0; i < labels.length; i++) {
            t.set(i, labels[i]);
        }
        return t;
    }

    @Test
    void regressionLossGradients() {
        Tensor p = GradCheck.random(rng, 2, 4, 3);
        Tensor t = GradCheck.random(rng, 2, 4, 3);
        check("mse", new MeanSquaredError(), p, t);
        check("mae", new MeanAbsoluteError(), p, t);
        check("huber", new Huber(0.8), p, t);
    }

    @Test
    void crossEntropyGradients() {
        Tensor t01 = Tensor.wrap(new float[] {0, 1, 1, 0, 1, 0}, 3, 2);
        check("binary_crossentropy", new BinaryCrossEntropy(), probabilities(3, 2), t01);
        check("binary_crossentropy from logits", new BinaryCrossEntropyFromLogits(), GradCheck.random(rng, 3, 3, 2), t01);
        check("categorical_crossentropy", new CategoricalCrossEntropy(), probabilities(3, 4), oneHot(new int[] {0, 3, 2}, 4));
        check("softmax + categorical_crossentropy", new SoftmaxCrossEntropy(), GradCheck.random(rng, 2, 3, 4),
                oneHot(new int[] {1, 0, 3}, 4));
        check("sparse_categorical_crossentropy", new SparseCategoricalCrossEntropy(), probabilities(3, 4), labels(2, 0, 1));
        check("softmax + sparse_categorical_crossentropy", new SparseSoftmaxCrossEntropy(),
                GradCheck.random(rng, 2, 3, 4), labels(3, 1, 0));
    }

    @Test
    void knownValues() {
        Tensor p = Tensor.wrap(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor t = Tensor.wrap(new float[] {1, 0, 3, 1}, 2, 2);
        assertEquals((0 + 4 + 0 + 9) / 4.0, new MeanSquaredError().compute(p, t, null), 1e-9);
        assertEquals((0 + 2 + 0 + 3) / 4.0, new MeanAbsoluteError().compute(p, t, null), 1e-9);
        // Huber(1): e = 0, 2, 0, 3 -> 0, 1.5, 0, 2.5
        assertEquals(4.0 / 4, new Huber(1).compute(p, t, null), 1e-9);
        Tensor z = Tensor.wrap(new float[] {0, 0}, 1, 2);
        assertEquals(Math.log(2), new SoftmaxCrossEntropy().compute(z, Tensor.wrap(new float[] {1, 0}, 1, 2), null), 1e-7);
    }

    @Test
    void fusedLossesStayFiniteAndExactForSaturatedLogits() {
        Tensor z = Tensor.wrap(new float[] {100f, -100f, 0f}, 1, 3);
        Tensor grad = Tensor.zeros(1, 3);
        double wrong = new SparseSoftmaxCrossEntropy().compute(z, labels(1), grad);
        assertEquals(200.0, wrong, 1e-4);
        assertTrue(grad.allFinite());
        assertEquals(1.0, grad.get(0), 1e-6);
        assertEquals(-1.0, grad.get(1), 1e-6);
        double right = new SoftmaxCrossEntropy().compute(z, Tensor.wrap(new float[] {1, 0, 0}, 1, 3), null);
        assertEquals(0.0, right, 1e-6);

        Tensor logits = Tensor.wrap(new float[] {100f, -100f}, 2, 1);
        Tensor t = Tensor.wrap(new float[] {0f, 1f}, 2, 1);
        Tensor g = Tensor.zeros(2, 1);
        assertEquals(100.0, new BinaryCrossEntropyFromLogits().compute(logits, t, g), 1e-4);
        assertEquals(0.5, g.get(0), 1e-6);
        assertEquals(-0.5, g.get(1), 1e-6);
    }

    @Test
    void probabilityLossesClipInsteadOfReturningInfinity() {
        Tensor p = Tensor.wrap(new float[] {0f, 1f}, 2, 1);
        Tensor t = Tensor.wrap(new float[] {1f, 0f}, 2, 1);
        double v = new BinaryCrossEntropy().compute(p, t, null);
        assertEquals(-Math.log(1e-7), v, 1e-3);
    }

    @Test
    void sparseLabelOutsideTheClassesIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparseSoftmaxCrossEntropy().compute(Tensor.zeros(1, 3), labels(3), null));
        assertTrue(e.getMessage().contains("label 3.0"), e.getMessage());
        assertTrue(e.getMessage().contains("3 units"), e.getMessage());
    }
}
