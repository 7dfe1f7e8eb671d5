package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.ShapeException;

/** MultiHeadAttention and PositionalEmbedding: Keras' counts, the definition computed by hand, the causal mask, gradients. */
class AttentionLayersTest {
    @Test
    void parameterCountsAndShapesAreKeras() {
        List<Shape> self = List.of(Shape.of(10, 32));
        assertEquals(4 * (32 * 32 + 32), new MultiHeadAttention(2, 16).paramCount(self), "Keras: 4,224");
        assertEquals(Shape.of(10, 32), new MultiHeadAttention(2, 16).outputShape(self));
        MultiHeadAttention cross = new MultiHeadAttention(3, 4, 5, false, 7, false, Initializer.GLOROT_UNIFORM,
                Initializer.ZEROS);
        List<Shape> qv = List.of(Shape.of(6, 8), Shape.of(9, 2));
        assertEquals(Shape.of(6, 7), cross.outputShape(qv));
        assertEquals(8 * 3 * 4 + 2 * 3 * 4 + 2 * 3 * 5 + 3 * 5 * 7, cross.paramCount(qv));
        assertEquals(64 * 32 + 1000 * 32, new PositionalEmbedding(64, 1000, 32).paramCount(List.of(Shape.of(64))));
        ShapeException keyLength = assertThrows(ShapeException.class,
                () -> cross.outputShape(List.of(Shape.of(6, 8), Shape.of(9, 2), Shape.of(8, 2))));
        assertTrue(keyLength.getMessage().contains("same length"), keyLength.getMessage());
        ShapeException tooLong = assertThrows(ShapeException.class,
                () -> new PositionalEmbedding(16, 10, 4).outputShape(List.of(Shape.of(20))));
        assertTrue(tooLong.getMessage().contains("raise sequence_length to at least 20"), tooLong.getMessage());
    }

    /** The layer against its definition, in double, with loops and no matrix code: heads, scaling, causal mask, output. */
    @Test
    void selfAttentionIsTheDefinition() {
        MultiHeadAttention mha = new MultiHeadAttention(2, 3, 4, true, 5, true, Initializer.GLOROT_UNIFORM,
                Initializer.randomNormal(0, 0.3));
        int t = 4;
        int d = 6;
        List<Shape> shapes = List.of(Shape.of(t, d));
        ParameterStore store = new ParameterStore(8);
        LayerRuntime rt = mha.build(new BuildContext("a", shapes, store, 8));
        Tensor x = GradCheck.random(new Random(1), 1, 2, t, d);
        Tensor y = Tensor.zeros(2, t, 5);
        rt.allocate(2);
        rt.forward(new Tensor[] {x}, y, false);
        Map<String, Parameter> w = store.ofNode("a");
        for (int b = 0; b < 2; b++) {
            double[][][] q = project(x, b, w.get("query/kernel"), w.get("query/bias"), 2, 3);
            double[][][] k = project(x, b, w.get("key/kernel"), w.get("key/bias"), 2, 3);
            double[][][] v = project(x, b, w.get("value/kernel"), w.get("value/bias"), 2, 4);
            double[][][] heads = new double[t][2][4];
            for (int h = 0; h < 2; h++) {
                for (int i = 0; i < t; i++) {
                    double[] score = new double[t];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        for (int c = 0; c < 3; c++) {
                            score[j] += q[i][h][c] * k[j][h][c] / Math.sqrt(3);
                        }
                        max = Math.max(max, score[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        score[j] = Math.exp(score[j] - max);
                        sum += score[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int c = 0; c < 4; c++) {
                            heads[i][h][c] += score[j] / sum * v[j][h][c];
                        }
                    }
                }
            }
            float[] wo = w.get("attention_output/kernel").value().data();
            float[] bo = w.get("attention_output/bias").value().data();
            for (int i = 0; i < t; i++) {
                for (int e = 0; e < 5; e++) {
                    double out = bo[e];
                    for (int h = 0; h < 2; h++) {
                        for (int c = 0; c < 4; c++) {
                            out += heads[i][h][c] * wo[(h * 4 + c) * 5 + e];
                        }
                    }
                    assertEquals(out, y.data()[(b * t + i) * 5 + e], 1e-5, "sample " + b + " position " + i);
                }
            }
        }
    }

    private static double[][][] project(Tensor x, int b, Parameter kernel, Parameter bias, int heads, int dim) {
        int t = x.dim(1);
        int d = x.dim(2);
        float[] w = kernel.value().data();
        float[] bb = bias.value().data();
        double[][][] out = new double[t][heads][dim];
        for (int i = 0; i < t; i++) {
            for (int h = 0; h < heads; h++) {
                for (int c = 0; c < dim; c++) {
                    double sum = bb[h * dim + c];
                    for (int f = 0; f < d; f++) {
                        sum += x.data()[(b * t + i) * d + f] * w[(f * heads + h) * dim + c];
                    }
                    out[i][h][c] = sum;
                }
            }
        }
        return out;
    }

    @Test
    void theCausalMaskHidesLaterPositions() {
        MultiHeadAttention mha = new MultiHeadAttention(2, 4).causal();
        List<Shape> shapes = List.of(Shape.of(5, 3));
        LayerRuntime rt = mha.build(new BuildContext("a", shapes, new ParameterStore(2), 2));
        Tensor x = GradCheck.random(new Random(4), 1, 1, 5, 3);
        Tensor y1 = Tensor.zeros(1, 5, 3);
        rt.forward(new Tensor[] {x}, y1, false);
        float[] before = y1.data().clone();
        x.data()[4 * 3] += 1f; // the last position changes
        rt.forward(new Tensor[] {x}, y1, false);
        for (int i = 0; i < 4 * 3; i++) {
            assertEquals(before[i], y1.data()[i], 0f, "positions 0..3 cannot see position 4");
        }
        assertNotEquals(before[14], y1.data()[14]);
    }

    static Stream<Arguments> variants() {
        MultiHeadAttention plain = new MultiHeadAttention(2, 3);
        MultiHeadAttention odd = new MultiHeadAttention(3, 2, 4, false, 5, true, Initializer.GLOROT_UNIFORM,
                Initializer.ZEROS);
        return Stream.of(
                Arguments.of(plain, List.of(Shape.of(4, 5))),
                Arguments.of(plain.causal(), List.of(Shape.of(4, 5))),
                Arguments.of(odd, List.of(Shape.of(4, 5), Shape.of(3, 2))),
                Arguments.of(plain, List.of(Shape.of(4, 5), Shape.of(3, 2), Shape.of(3, 6))),
                // Dropout on the weights: through the one mask the pass drew.
                Arguments.of(plain.withDropout(0.4), List.of(Shape.of(4, 5))),
                Arguments.of(odd.withDropout(0.3), List.of(Shape.of(4, 5), Shape.of(3, 2))));
    }

    /**
     * Keras' attention dropout: while training about that share of the weights is dropped and the
     * rest scaled by 1/(1 − rate), each row's kept weights still summing to its share; in inference
     * nothing is dropped, and the output is that of the same layer without dropout.
     */
    @Test
    void dropoutActsOnTheWeightsWhileTrainingOnly() {
        List<Shape> self = List.of(Shape.of(12, 8));
        MultiHeadAttention plain = new MultiHeadAttention(2, 4);
        ParameterStore a = new ParameterStore(3);
        ParameterStore b = new ParameterStore(3);
        LayerRuntime without = plain.build(new BuildContext("n", self, a, 3));
        LayerRuntime with = plain.withDropout(0.5).build(new BuildContext("n", self, b, 3));
        Tensor x = GradCheck.random(new Random(4), 1, self.get(0).withBatch(2));
        Tensor y1 = Tensor.zeros(2, 12, 8);
        Tensor y2 = Tensor.zeros(2, 12, 8);
        without.allocate(2);
        with.allocate(2);
        without.forward(new Tensor[] {x}, y1, false);
        with.forward(new Tensor[] {x}, y2, false);
        assertArrayEquals(y1.data(), y2.data(), 1e-6f, "inference: no dropout");
        with.forward(new Tensor[] {x}, y2, true);
        assertNotEquals(java.util.Arrays.toString(y1.data()), java.util.Arrays.toString(y2.data()));
    }

    /** Self- and cross-attention, causal or not: every input's gradient and every weight's. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("variants")
    void gradientsMatchFiniteDifferences(MultiHeadAttention mha, List<Shape> shapes) {
        LayerGradients.check(mha, shapes, 5, 6);
    }
}
