package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Activation;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.graph.Problem;

/** SimpleRNN, LSTM and GRU: Keras' counts and layouts, every option's gradients, time order and mistakes. */
class RecurrentLayersTest {
    private static final Activation HARD_SIGMOID = Activation.parse("hard_sigmoid");
    private static final Activation RELU = Activation.RELU;

    @Test
    void parameterCountsAreKeras() {
        List<Shape> in = List.of(Shape.of(10, 8));
        assertEquals(18_688, new LSTM(64).paramCount(in), "4·64·(8+64+1)");
        assertEquals(3 * 16 * (8 + 16 + 2), new GRU(16).paramCount(in), "reset_after: 3·u·(in+u+2)");
        assertEquals(16 * (8 + 16 + 1), new SimpleRNN(16).paramCount(in));
        assertEquals(Shape.of(64), new LSTM(64).outputShape(in));
        assertEquals(Shape.of(10, 64), new LSTM(64, true).outputShape(in));
        assertEquals(Shape.of(10, 4), new Dense(4).outputShape(List.of(Shape.of(10, 64))));
        assertEquals(64 * 4 + 4, new Dense(4).paramCount(List.of(Shape.of(10, 64))), "Dense on the last axis");
        assertEquals(Shape.of(12, 32), new Embedding(1000, 32).outputShape(List.of(Shape.of(12))));
        assertEquals(32_000, new Embedding(1000, 32).paramCount(List.of(Shape.of(12))));
    }

    static Stream<LayerSpec> variants() {
        return Stream.of(
                new SimpleRNN(5, Activation.TANH, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL,
                        Initializer.ZEROS, true, false),
                new SimpleRNN(5, RELU, false, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL, Initializer.ZEROS, false,
                        true),
                new LSTM(5, true),
                // Wide enough that the gates run through whole vector lanes, not only the scalar tail.
                new LSTM(20, true),
                new GRU(20, true),
                new LSTM(5, Activation.TANH, HARD_SIGMOID, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL,
                        Initializer.ZEROS, true, true, true),
                new LSTM(5, Activation.TANH, Activation.SIGMOID, false, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL,
                        Initializer.ZEROS, false, false, true),
                new GRU(5, true),
                new GRU(5, Activation.TANH, Activation.SIGMOID, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL,
                        Initializer.randomNormal(0, 0.5), true, true),
                new GRU(5, RELU, HARD_SIGMOID, false, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL, Initializer.ZEROS,
                        false, true),
                new Bidirectional("LSTM", 4, true, "concat"),
                new Bidirectional("GRU", 4, false, "sum"),
                new Bidirectional("SimpleRNN", 4, true, "mul"),
                new Bidirectional("LSTM", 4, false, "ave"));
    }

    /** Every option combination's gradients against central differences, for the input and every weight. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void gradientsMatchFiniteDifferences(LayerSpec spec) {
        LayerGradients.check(spec, List.of(Shape.of(4, 3)), 3, 5);
    }

    /** go_backwards reads the input from its end: the last state equals the forward layer's on the reversed input. */
    @Test
    void goBackwardsReadsTheSequenceReversedAndReturnsItInStepOrder() {
        Tensor x = GradCheck.random(new Random(2), 1, 2, 5, 3);
        Tensor reversed = Tensor.zeros(2, 5, 3);
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 5; t++) {
                System.arraycopy(x.data(), (b * 5 + t) * 3, reversed.data(), (b * 5 + 4 - t) * 3, 3);
            }
        }
        LSTM forward = new LSTM(4, true);
        LSTM backward = new LSTM(4, Activation.TANH, Activation.SIGMOID, true, Initializer.GLOROT_UNIFORM,
                Initializer.ORTHOGONAL, Initializer.ZEROS, true, true, true);
        assertArrayEquals(run(forward, reversed).data(), run(backward, x).data(), 1e-6f);
    }

    private static Tensor run(LayerSpec spec, Tensor x) {
        List<Shape> shapes = List.of(Shape.of(x.dim(1), x.dim(2)));
        LayerRuntime rt = spec.build(new BuildContext("same", shapes, new ParameterStore(9), 9));
        Tensor y = Tensor.zeros(spec.outputShape(shapes).withBatch(x.batch()));
        rt.allocate(x.batch());
        rt.forward(new Tensor[] {x}, y, false);
        return y;
    }

    /** A longer batch after a shorter one, and the shorter again: buffers regrow and the results do not depend on history. */
    @Test
    void resultsDoNotDependOnEarlierBatchSizes() {
        Tensor small = GradCheck.random(new Random(3), 1, 1, 6, 3);
        Tensor large = GradCheck.random(new Random(4), 1, 7, 6, 3);
        List<Shape> shapes = List.of(Shape.of(6, 3));
        GRU gru = new GRU(4, true);
        LayerRuntime rt = gru.build(new BuildContext("g", shapes, new ParameterStore(1), 1));
        Tensor y1 = Tensor.zeros(1, 6, 4);
        rt.forward(new Tensor[] {small}, y1, false);
        float[] first = y1.data().clone();
        rt.forward(new Tensor[] {large}, Tensor.zeros(7, 6, 4), false);
        rt.forward(new Tensor[] {small}, y1, false);
        assertArrayEquals(first, y1.data());
    }

    @Test
    void unitForgetBiasStartsTheForgetGateAtOneOnlyWhenTheBiasIsNew() {
        List<Shape> shapes = List.of(Shape.of(4, 3));
        ParameterStore store = new ParameterStore(1);
        new LSTM(3).build(new BuildContext("l", shapes, store, 1));
        float[] bias = store.ofNode("l").get("bias").value().data();
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}, bias);
        bias[4] = 0.25f;
        new LSTM(3).build(new BuildContext("l", shapes, store, 1));
        assertEquals(0.25f, store.ofNode("l").get("bias").value().data()[4], "a rebuilt network keeps its trained bias");
    }

    @Test
    void orthogonalRecurrentKernelHasOrthonormalRows() {
        ParameterStore store = new ParameterStore(4);
        new LSTM(6).build(new BuildContext("l", List.of(Shape.of(4, 3)), store, 4));
        float[] u = store.ofNode("l").get("recurrent_kernel").value().data();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double dot = 0;
                for (int k = 0; k < 24; k++) {
                    dot += u[i * 24 + k] * u[j * 24 + k];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-5, "row " + i + " · row " + j);
            }
        }
    }

    @Test
    void aFlatInputIsExplainedAndFixedWithAReshape() {
        NetworkGraph g = GraphAnalysisTest.chain(new Input(Shape.of(128)), new LSTM(8), new Dense(1));
        GraphAnalysis a = GraphAnalysis.of(g);
        Problem p = a.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertTrue(p.message().contains("LSTM needs a sequence (time, features) but receives (128)"), p.message());
        assertEquals("Insert Reshape to (128, 1)", p.fix().label());
        GraphAnalysis fixed = GraphAnalysis.of(p.fix().apply(g));
        assertFalse(fixed.problems().stream().anyMatch(Problem::isError), fixed.problems().toString());
        assertEquals(Shape.of(1), fixed.info(fixed.outputId()).outputShape());
    }

    @Test
    void softmaxCannotBeAGateFunction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GRU(4, Activation.SOFTMAX,
                Activation.SIGMOID, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL, Initializer.ZEROS, false,
                false));
        assertTrue(e.getMessage().contains("elementwise"), e.getMessage());
    }

    @Test
    void embeddingRefusesAnIdOutsideItsVocabularyInPlainWords() {
        Embedding e = new Embedding(10, 2);
        LayerRuntime rt = e.build(new BuildContext("e", List.of(Shape.of(3)), new ParameterStore(1), 1));
        Tensor ids = Tensor.wrap(new float[] {1, 2, 10}, 1, 3);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> rt.forward(new Tensor[] {ids}, Tensor.zeros(1, 3, 2), false));
        assertTrue(x.getMessage().contains("received the id 10.0") && x.getMessage().contains("input_dim"), x.getMessage());
    }

    @Test
    void bidirectionalIsTheLayerBothWaysWithTheBackwardSequenceFlippedBack() {
        List<Shape> shapes = List.of(Shape.of(5, 3));
        assertEquals(2 * 4 * 16 * (3 + 16 + 1), new Bidirectional("LSTM", 16, false, "concat").paramCount(shapes));
        assertEquals(Shape.of(5, 32), new Bidirectional("LSTM", 16, true, "concat").outputShape(shapes));
        assertEquals(Shape.of(16), new Bidirectional("GRU", 16, false, "ave").outputShape(shapes));
        Bidirectional bi = new Bidirectional("LSTM", 4, true, "concat");
        ParameterStore store = new ParameterStore(6);
        LayerRuntime rt = bi.build(new BuildContext("bi", shapes, store, 6));
        Tensor x = GradCheck.random(new Random(8), 1, 2, 5, 3);
        Tensor y = Tensor.zeros(2, 5, 8);
        rt.allocate(2);
        rt.forward(new Tensor[] {x}, y, false);
        Tensor forwards = runWith(store, "forward/", new LSTM(4, true), x);
        Tensor backwards = runWith(store, "backward/", bi.direction(true), x);
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 5; t++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(forwards.data()[(b * 5 + t) * 4 + j], y.data()[(b * 5 + t) * 8 + j], 1e-6f);
                    assertEquals(backwards.data()[(b * 5 + 4 - t) * 4 + j], y.data()[(b * 5 + t) * 8 + 4 + j], 1e-6f,
                            "step t of the backward copy's output is its step T−1−t");
                }
            }
        }
        assertEquals(1f, store.ofNode("bi").get("backward/bias").value().data()[4], "unit_forget_bias on both sides");
    }

    /** The wrapped layer alone, with one direction's weights of a Bidirectional. */
    private static Tensor runWith(ParameterStore from, String prefix, LayerSpec spec, Tensor x) {
        ParameterStore store = new ParameterStore(1);
        for (String name : List.of("kernel", "recurrent_kernel", "bias")) {
            store.put(new Parameter("one", name, from.ofNode("bi").get(prefix + name).value(), null));
        }
        List<Shape> shapes = List.of(Shape.of(x.dim(1), x.dim(2)));
        LayerRuntime rt = spec.build(new BuildContext("one", shapes, store, 1));
        Tensor y = Tensor.zeros(spec.outputShape(shapes).withBatch(x.batch()));
        rt.forward(new Tensor[] {x}, y, false);
        return y;
    }

    /**
     * Input dropout: while training, the same features of a sample are dropped at every step (so a
     * dropped feature changes no step's projection) and the kept ones scaled by 1/(1 − rate);
     * inference uses every input. Gradients hold with the mask fixed.
     */
    /** The three cells with recurrent_dropout (and go_backwards on one), as Keras 3 would build them. */
    private static List<LayerSpec> recurrentlyDropping(double rate) {
        return List.of(
                new SimpleRNN(4, Activation.TANH, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL,
                        Initializer.ZEROS, true, false, 0.0, rate),
                new LSTM(4, Activation.TANH, Activation.SIGMOID, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL,
                        Initializer.ZEROS, true, true, true, 0.0, rate),
                new GRU(4, Activation.TANH, Activation.SIGMOID, true, Initializer.GLOROT_UNIFORM, Initializer.ORTHOGONAL,
                        Initializer.ZEROS, true, false, 0.0, rate));
    }

    @Test
    void recurrentDropoutGradientsThroughOneSetOfMasks() {
        for (LayerSpec spec : recurrentlyDropping(0.4)) {
            LayerGradients.check(spec, List.of(Shape.of(5, 3)), 3, 5);
        }
    }

    @Test
    void recurrentDropoutActsOnTheStateOnlyWhileTraining() {
        for (LayerSpec dropping : recurrentlyDropping(0.5)) {
            LayerSpec plain = LayerKinds.of(dropping).create(withOption(dropping, "recurrent_dropout", 0.0));
            List<Shape> shapes = List.of(Shape.of(5, 3));
            ParameterStore store = new ParameterStore(2);
            LayerRuntime a = plain.build(new BuildContext("x", shapes, store, 2));
            LayerRuntime b = dropping.build(new BuildContext("x", shapes, store, 2));
            Tensor x = GradCheck.random(new Random(3), 1, 2, 5, 3);
            Tensor ya = Tensor.zeros(2, 5, 4);
            Tensor yb = Tensor.zeros(2, 5, 4);
            a.forward(new Tensor[] {x}, ya, true);
            b.forward(new Tensor[] {x}, yb, false);
            assertArrayEquals(ya.data(), yb.data(), dropping.kind() + ": no recurrent dropout outside training");
            b.forward(new Tensor[] {x}, yb, true);
            boolean backwards = dropping instanceof LSTM;
            for (int sample = 0; sample < 2; sample++) {
                // The first step starts from the zero state, which has nothing to drop; the steps after it differ.
                int first = (sample * 5) * 4;
                for (int j = 0; j < 4; j++) {
                    assertEquals(ya.data()[first + j], yb.data()[first + j], 1e-6, dropping.kind() + " step 0"
                            + (backwards ? " (read from the end)" : ""));
                }
            }
            assertFalse(java.util.Arrays.equals(ya.data(), yb.data()), dropping.kind() + ": training drops state");
        }
    }

    private static Map<String, Object> withOption(LayerSpec spec, String option, Object value) {
        Map<String, Object> v = new LinkedHashMap<>(LayerKinds.of(spec).values(spec));
        v.put(option, value);
        return v;
    }

    @Test
    void dropoutDropsTheSameFeaturesAtEveryStepAndOnlyWhileTraining() {
        LSTM plain = new LSTM(3, true);
        LSTM dropping = new LSTM(3, Activation.TANH, Activation.SIGMOID, true, Initializer.GLOROT_UNIFORM,
                Initializer.ORTHOGONAL, Initializer.ZEROS, true, true, false, 0.5, 0.0);
        List<Shape> shapes = List.of(Shape.of(4, 6));
        ParameterStore store = new ParameterStore(2);
        LayerRuntime a = plain.build(new BuildContext("x", shapes, store, 2));
        LayerRuntime b = dropping.build(new BuildContext("x", shapes, store, 2));
        Tensor x = GradCheck.random(new Random(3), 1, 2, 4, 6);
        Tensor ya = Tensor.zeros(2, 4, 3);
        Tensor yb = Tensor.zeros(2, 4, 3);
        a.forward(new Tensor[] {x}, ya, false);
        b.forward(new Tensor[] {x}, yb, false);
        assertArrayEquals(ya.data(), yb.data(), "no dropout outside training");
        b.forward(new Tensor[] {x}, yb, true);
        assertFalse(java.util.Arrays.equals(ya.data(), yb.data()), "training drops inputs");
        // The gradient with respect to a dropped feature is zero at every step of that sample.
        Tensor dx = Tensor.zeros(2, 4, 6);
        Tensor w = GradCheck.random(new Random(4), 1, 2, 4, 3);
        b.backward(new Tensor[] {x}, yb, w, new Tensor[] {dx});
        int droppedColumns = 0;
        for (int s = 0; s < 2; s++) {
            for (int f = 0; f < 6; f++) {
                boolean zeroAtEveryStep = true;
                boolean zeroAtSomeStep = false;
                for (int t = 0; t < 4; t++) {
                    boolean zero = dx.data()[(s * 4 + t) * 6 + f] == 0f;
                    zeroAtEveryStep &= zero;
                    zeroAtSomeStep |= zero;
                }
                assertEquals(zeroAtEveryStep, zeroAtSomeStep, "a feature is dropped at all steps or none");
                droppedColumns += zeroAtEveryStep ? 1 : 0;
            }
        }
        assertTrue(droppedColumns > 0 && droppedColumns < 12, droppedColumns + " of 12 sample features dropped");
    }
}
