package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Regularizer;
import org.layerlab.training.LayerMath;

/** The formulas carry the numbers they are given, slice as asked, and add the penalty where there is one. */
class MathFormulasTest {
    /** Two inputs, two units: z = xW + b with x = (1, 2), W = [[0.5, -1], [0.25, 2]], b = (0.1, 0). */
    private static LayerMath.DenseTerms dense(Regularizer reg) {
        float[] x = {1, 2};
        float[] w = {0.5f, -1, 0.25f, 2};
        float[] b = {0.1f, 0};
        float[] delta = {0.3f, -0.05f};
        float[] dw = new float[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                dw[i * 2 + j] = (float) (x[i] * delta[j] + reg.gradient(w[i * 2 + j]));
            }
        }
        return new LayerMath.DenseTerms("dense", "relu", x, w, 2, 2, b, new float[] {1.1f, 3}, delta, new float[] {0.2f, 0.1f},
                dw, reg);
    }

    @Test
    void theForwardSumIsWrittenWithTheLayersNumbers() {
        List<MathFormulas.Section> s = MathFormulas.dense(dense(Regularizer.NONE), false);
        assertEquals(2, s.size());
        // Unit 1 (δ 0.3 is the larger): z₁ = 1·0.5 + 2·0.25 + 0.1 = 1.1.
        String forward = s.get(0).tex();
        assertTrue(forward.contains("= 1\\cdot0.5 + 2\\cdot0.25 + 0.1 = 1.1"), forward);
        // The weight shown is the larger input's: ∂L/∂W₂,₁ = x₂·δ₁ = 0.6.
        assertTrue(s.get(1).tex().contains("x_{2}\\,\\delta_{1} = 2\\cdot0.3 = 0.6"), s.get(1).tex());
        assertTrue(MathFormulas.dense(dense(Regularizer.NONE), false, 1).get(0).tex().contains("+ \\dots"));
    }

    @Test
    void aRegularizedKernelShowsItsPenaltyAndItsShareOfTheGradient() {
        List<MathFormulas.Section> s = MathFormulas.dense(dense(Regularizer.l2(0.01)), false);
        assertEquals(3, s.size());
        // ∂L/∂W₂,₁ = x₂δ₁ + 2·0.01·0.25 = 0.6 + 0.005.
        assertTrue(s.get(1).tex().contains("= 2\\cdot0.3 + 0.005 = 0.605"), s.get(1).tex());
        assertTrue(s.get(2).title().startsWith("Regularization (l2)"));
        // R = 0.01 · (0.25 + 1 + 0.0625 + 4).
        assertTrue(s.get(2).tex().contains("R = 0.01\\sum W^2 = 0.0531"), s.get(2).tex());
    }

    @Test
    void crossEntropyIsMinusTheLogOfTheTrueClass() {
        LayerMath.LossTerms l = new LayerMath.LossTerms(Loss.Kind.SPARSE_CATEGORICAL_CROSSENTROPY, -Math.log(0.8), 0,
                new float[] {1}, new float[] {0.2f, 0.8f});
        MathFormulas.Section s = MathFormulas.loss(l, List.of("cat", "dog"));
        assertTrue(s.tex().contains("-\\log(0.8) = 0.2231"), s.tex());
        assertTrue(s.caption().contains("(dog)"), s.caption());
        LayerMath.LossTerms mse = new LayerMath.LossTerms(Loss.Kind.MEAN_SQUARED_ERROR, 0.25, 0, new float[] {1},
                new float[] {0.5f});
        assertTrue(MathFormulas.loss(mse, List.of()).tex().contains("(1 - 0.5)^2"), MathFormulas.loss(mse, List.of()).tex());
    }
}
