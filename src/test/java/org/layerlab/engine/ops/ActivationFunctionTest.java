package org.layerlab.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Activation;

class ActivationFunctionTest {
    // Points away from the kinks of relu, leaky_relu and elu at 0, where no derivative exists.
    private static final double[] POINTS = {-6.5, -2.3, -0.7, -0.05, 0.03, 0.4, 1.9, 4.2};

    @ParameterizedTest
    @EnumSource(value = ActivationFunction.class, mode = EnumSource.Mode.EXCLUDE, names = {"SOFTMAX", "LOG_SOFTMAX"})
    void derivativeMatchesFiniteDifferencesInDouble(ActivationFunction f) {
        double alpha = f.hasAlpha() ? 0.3 : 0;
        for (double x : POINTS) {
            GradCheck.scalar(f.kerasName(), v -> f.value(v, alpha), v -> f.derivative(v, f.value(v, alpha), alpha), x);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ActivationFunction.class, mode = EnumSource.Mode.EXCLUDE, names = {"SOFTMAX", "LOG_SOFTMAX"})
    void floatKernelsAgreeWithTheScalarMath(ActivationFunction f) {
        double alpha = f.defaultAlpha();
        Tensor x = Tensor.wrap(new float[] {-3f, -0.5f, 0.25f, 2f}, 2, 2);
        Tensor y = Tensor.zeros(2, 2);
        Activate.forward(f, alpha, x, y);
        Tensor dy = Tensor.wrap(new float[] {1f, 1f, 1f, 1f}, 2, 2);
        Tensor dx = Tensor.zeros(2, 2);
        Activate.backward(f, alpha, x, y, dy, dx);
        for (int i = 0; i < 4; i++) {
            double v = f.value(x.get(i), alpha);
            assertEquals(v, y.get(i), 1e-6 * Math.max(1, Math.abs(v)), f + " value");
            assertEquals(f.derivative(x.get(i), y.get(i), alpha), dx.get(i), 1e-5, f + " derivative");
        }
    }

    @Test
    void knownValuesFollowKeras() {
        assertEquals(0.5, ActivationFunction.SIGMOID.value(0, 0), 1e-15);
        assertEquals(-0.2, ActivationFunction.LEAKY_RELU.value(-1, ActivationFunction.LEAKY_RELU.defaultAlpha()), 1e-15);
        assertEquals(1.0507009873554805 * 2, ActivationFunction.SELU.value(2, 0), 1e-12);
        // GELU(1) = 0.5 (1 + erf(1/sqrt 2)) = 0.8413447460685429
        assertEquals(0.8413447460685429, ActivationFunction.GELU.value(1, 0), 1e-13);
        assertEquals(Math.log(2), ActivationFunction.SOFTPLUS.value(0, 0), 1e-15);
        assertEquals(1000.0, ActivationFunction.SOFTPLUS.value(1000, 0), 1e-9);
        assertEquals(0.0, ActivationFunction.SIGMOID.value(-1000, 0), 1e-300);
    }

    @Test
    void secondWaveActivationsFollowKeras3() {
        assertEquals(6.0, ActivationFunction.RELU6.value(7.5, 0));
        assertEquals(0.0, ActivationFunction.RELU6.value(-1, 0));
        // Keras 3 hard_sigmoid is relu6(x + 3) / 6: 0.5 at 0, 2/3 at 1 (Keras 2 gave 0.7).
        assertEquals(0.5, ActivationFunction.HARD_SIGMOID.value(0, 0), 1e-15);
        assertEquals(4.0 / 6, ActivationFunction.HARD_SIGMOID.value(1, 0), 1e-15);
        assertEquals(1.0, ActivationFunction.HARD_SIGMOID.value(3.5, 0));
        assertEquals(4.0 / 6, ActivationFunction.HARD_SILU.value(1, 0), 1e-15);
        assertEquals(ActivationFunction.HARD_SILU, ActivationFunction.fromName("hard_swish"));
        // mish(1) = tanh(ln(1 + e)) = 0.8650983882673103
        assertEquals(0.8650983882673103, ActivationFunction.MISH.value(1, 0), 1e-13);
        assertEquals(Math.E, ActivationFunction.EXPONENTIAL.value(1, 0), 1e-15);
        assertEquals(-2.0 / 3, ActivationFunction.SOFTSIGN.value(-2, 0), 1e-15);
        assertEquals(Math.expm1(-1), ActivationFunction.CELU.value(-1, 1.0), 1e-15);
        assertEquals(2 * Math.expm1(-0.5), ActivationFunction.CELU.value(-1, 2.0), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> new Activation(ActivationFunction.CELU, 0));
    }

    @Test
    void erfMatchesReferenceValues() {
        assertEquals(0.8427007929497149, Erf.erf(1), 1e-14);
        assertEquals(0.9953222650189527, Erf.erf(2), 1e-14);
        assertEquals(0.9999779095030014, Erf.erf(3), 1e-14);
        assertEquals(-0.5204998778130465, Erf.erf(-0.5), 1e-14);
    }

    @Test
    void unknownNameListsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationFunction.fromName("rellu"));
        assertEquals(true, e.getMessage().contains("relu, leaky_relu"));
        assertEquals(ActivationFunction.SILU, ActivationFunction.fromName("swish"));
    }
}
