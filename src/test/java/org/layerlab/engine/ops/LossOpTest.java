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

    @Test
    void secondWaveLossGradients() {
        Tensor p = GradCheck.random(rng, 2, 4, 3);
        Tensor t = GradCheck.random(rng, 2, 4, 3);
        check("log_cosh", new LogCosh(), p, t);
        check("hinge", new Hinge(false), p, t);
        check("squared_hinge", new Hinge(true), p, t);
        check("cosine_similarity", new CosineSimilarityLoss(), p, t);
        Tensor rates = probabilities(4, 3);
        Tensor counts = Tensor.wrap(new float[] {0, 1, 2, 3, 0, 1, 1, 0, 2, 4, 1, 0}, 4, 3);
        check("poisson", new Poisson(), rates, counts);
        check("kl_divergence", new KlDivergence(), probabilities(3, 4), probabilities(3, 4));
        Tensor t01 = Tensor.wrap(new float[] {0, 1, 1, 0, 1, 0}, 3, 2);
        check("binary_focal_crossentropy", new BinaryFocalCrossEntropy(2, 0.25, false, false), probabilities(3, 2), t01);
        check("binary_focal_crossentropy balanced", new BinaryFocalCrossEntropy(1.5, 0.3, true, false),
                probabilities(3, 2), t01);
        check("binary_focal_crossentropy from logits", new BinaryFocalCrossEntropy(2, 0.25, false, true),
                GradCheck.random(rng, 2, 3, 2), t01);
        check("smoothed binary_crossentropy", new LabelSmoothing(new BinaryCrossEntropyFromLogits(), 0.1, true),
                GradCheck.random(rng, 2, 3, 2), t01);
        check("smoothed categorical_crossentropy", new LabelSmoothing(new SoftmaxCrossEntropy(), 0.2, false),
                GradCheck.random(rng, 2, 3, 4), oneHot(new int[] {0, 3, 2}, 4));
    }

    @Test
    void secondWaveLossesGiveKerasNumbers() {
        // kl: 0.2·ln(0.2/0.5) + 0.8·ln(0.8/0.5)
        assertEquals(0.2 * Math.log(0.4) + 0.8 * Math.log(1.6), new KlDivergence().compute(
                Tensor.wrap(new float[] {0.5f, 0.5f}, 1, 2), Tensor.wrap(new float[] {0.2f, 0.8f}, 1, 2), null), 1e-6);
        assertEquals(2 - Math.log(2 + 1e-7), new Poisson().compute(Tensor.wrap(new float[] {2}, 1, 1),
                Tensor.wrap(new float[] {1}, 1, 1), null), 1e-6);
        assertEquals(Math.log(Math.cosh(1)), new LogCosh().compute(Tensor.wrap(new float[] {1}, 1, 1),
                Tensor.wrap(new float[] {0}, 1, 1), null), 1e-7);
        assertEquals(30 - Math.log(2), new LogCosh().compute(Tensor.wrap(new float[] {-30}, 1, 1),
                Tensor.wrap(new float[] {0}, 1, 1), null), 1e-6, "no overflow for large errors");
        // 0/1 targets become -1/1: max(1 + 0.3, 0) and max(1 - 0.4, 0).
        Tensor p = Tensor.wrap(new float[] {0.3f, 0.4f}, 1, 2);
        assertEquals(0.95, new Hinge(false).compute(p, Tensor.wrap(new float[] {0, 1}, 1, 2), null), 1e-6);
        assertEquals(0.95, new Hinge(false).compute(p, Tensor.wrap(new float[] {-1, 1}, 1, 2), null), 1e-6);
        assertEquals((1.3 * 1.3 + 0.6 * 0.6) / 2, new Hinge(true).compute(p, Tensor.wrap(new float[] {0, 1}, 1, 2), null),
                1e-6);
        assertEquals(-Math.sqrt(0.5), new CosineSimilarityLoss().compute(Tensor.wrap(new float[] {1, 1}, 1, 2),
                Tensor.wrap(new float[] {1, 0}, 1, 2), null), 1e-6);
        // focal: (1 − 0.8)^2 · −ln 0.8, times alpha 0.25 only with class balancing.
        Tensor p8 = Tensor.wrap(new float[] {0.8f}, 1, 1);
        Tensor one = Tensor.wrap(new float[] {1}, 1, 1);
        assertEquals(0.04 * -Math.log(0.8), new BinaryFocalCrossEntropy(2, 0.25, false, false).compute(p8, one, null), 1e-6);
        assertEquals(0.25 * 0.04 * -Math.log(0.8), new BinaryFocalCrossEntropy(2, 0.25, true, false).compute(p8, one, null),
                1e-6);
        // label smoothing 0.2: binary t → 0.9; two classes [1, 0] → [0.9, 0.1].
        double smoothed = -(0.9 * Math.log(0.8) + 0.1 * Math.log(0.2));
        assertEquals(smoothed, new LabelSmoothing(new BinaryCrossEntropy(), 0.2, true).compute(p8, one, null), 1e-6);
        assertEquals(smoothed, new LabelSmoothing(new CategoricalCrossEntropy(), 0.2, false).compute(
                Tensor.wrap(new float[] {0.8f, 0.2f}, 1, 2), Tensor.wrap(new float[] {1, 0}, 1, 2), null), 1e-6);
    }
}
