package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.AuxiliaryLoss;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterSpec;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerKinds;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.network.Network;

/**
 * One test over every layer kind the registry knows: the file codec round-trips it, its parameter
 * count is what the built layer creates, inferred shapes are what a real batch produces, and its
 * gradients match finite differences. A kind added without an entry in {@link #LayerKindCases.CASES} fails here.
 */
class EveryLayerKindTest {
    static Stream<LayerKind> kinds() {
        return LayerKinds.all().stream();
    }

    @Test
    void everyKindHasATestCaseAndEveryCaseAKind() {
        List<String> missing = LayerKinds.names().stream().filter(n -> !LayerKindCases.CASES.containsKey(n)).toList();
        assertEquals(List.of(), missing, "kinds without a case in EveryLayerKindTest.LayerKindCases.CASES");
        List<String> stale = LayerKindCases.CASES.keySet().stream().filter(n -> !LayerKinds.names().contains(n)).toList();
        assertEquals(List.of(), stale, "cases for kinds the registry does not know");
    }

    @Test
    void everyPermittedRecordIsAKind() {
        List<Class<?>> described = LayerKinds.all().stream().<Class<?>>map(LayerKind::type).distinct().toList();
        assertEquals(Arrays.asList(LayerSpec.class.getPermittedSubclasses()), described);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void exampleIsOfItsKind(LayerKind kind) {
        LayerSpec spec = kind.example();
        assertEquals(kind.name(), spec.kind());
        assertEquals(kind, spec.descriptor());
        assertTrue(kind.type().isInstance(spec));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void jsonRoundTripGivesIdenticalJson(LayerKind kind) {
        LayerSpec spec = kind.example();
        JsonObject json = LayerCodec.encode(spec);
        LayerSpec back = LayerCodec.decode(kind.name(), json, "$.params");
        assertEquals(spec, back);
        assertEquals(json, LayerCodec.encode(back));
        for (String option : kind.values(spec).keySet()) {
            if (kind.values(spec).get(option) != null && !kind.param(option).type().name().equals("REGULARIZER")) {
                assertTrue(json.has(option), kind + " does not save " + option + ": " + json);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void defaultsAloneBuildTheKindWhenNothingIsRequired(LayerKind kind) {
        if (kind.params().stream().noneMatch(p -> p.required())) {
            LayerSpec spec = LayerCodec.decode(kind.name(), new JsonObject(), "$.params");
            assertEquals(kind.name(), spec.kind());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void paramCountIsWhatTheBuiltLayerCreates(LayerKind kind) {
        LayerKindCases.Case c = LayerKindCases.CASES.get(kind.name());
        LayerSpec spec = kind.example();
        ParameterStore store = new ParameterStore(3);
        spec.build(new BuildContext("n", c.inputs(), store, 3));
        long created = store.ofNode("n").values().stream().mapToLong(Parameter::size).sum();
        assertEquals(spec.paramCount(c.inputs()), created);
        List<String> names = spec.parameters(c.inputs()).stream().map(ParameterSpec::name).toList();
        assertEquals(names, new ArrayList<>(store.ofNode("n").keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void inferredShapeIsWhatARealBatchProduces(LayerKind kind) {
        LayerKindCases.Case c = LayerKindCases.CASES.get(kind.name());
        LayerSpec spec = kind.example();
        NetworkGraph g = LayerKindCases.graphAround(spec, c.inputs());
        GraphAnalysis a = GraphAnalysis.of(g);
        assertEquals(List.of(), a.problems().stream().filter(p -> p.isError()).toList());
        Shape inferred = a.info(a.outputId()).outputShape();
        Network net = Network.compile(a.plan(), new ParameterStore(5));
        Shape in = net.inputShape();
        int batch = 3;
        int[] dims = new int[in.rank() + 1];
        dims[0] = batch;
        System.arraycopy(in.dims(), 0, dims, 1, in.rank());
        Tensor x = c.input(new Random(1), dims);
        Tensor y = net.forward(x, false);
        int[] expected = new int[inferred.rank() + 1];
        expected[0] = batch;
        System.arraycopy(inferred.dims(), 0, expected, 1, inferred.rank());
        assertArrayEquals(expected, y.dims(), kind + ": inferred " + inferred);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void gradientsMatchFiniteDifferences(LayerKind kind) {
        LayerKindCases.Case c = LayerKindCases.CASES.get(kind.name());
        if (c.inputs().isEmpty()) {
            return;
        }
        LayerSpec spec = kind.example();
        Random rng = new Random(11);
        ParameterStore store = new ParameterStore(7);
        LayerRuntime rt = spec.build(new BuildContext("n", c.inputs(), store, 7));
        int batch = 2;
        rt.allocate(batch);
        Tensor[] xs = new Tensor[c.inputs().size()];
        Tensor[] dxs = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = c.input(rng, withBatch(batch, c.inputs().get(i)));
            dxs[i] = Tensor.zeros(withBatch(batch, c.inputs().get(i)));
        }
        int[] outDims = withBatch(batch, spec.outputShape(c.inputs()));
        Tensor y = Tensor.zeros(outDims);
        Tensor w = GradCheck.random(rng, 1, outDims);
        rt.forward(xs, y, c.training());
        rt.backward(xs, y, w, dxs);
        // A layer's own loss term (Sampling's KL) is part of what its backward differentiates.
        Supplier<Double> objective = () -> {
            rt.forward(xs, y, c.training());
            return GradCheck.weightedSum(y, w) + (rt instanceof AuxiliaryLoss a ? a.lastLoss() : 0);
        };
        for (int i = 0; i < xs.length && c.ids() == 0; i++) {
            GradCheck.tensor(kind + " d(input " + i + ")", xs[i], dxs[i], objective);
        }
        for (Parameter p : store.ofNode("n").values()) {
            if (p.trainable()) {
                assertNotNull(p.grad());
                GradCheck.tensor(kind + " d" + p.name(), p.value(), p.grad(), objective);
            }
        }
    }

    private static int[] withBatch(int batch, Shape s) {
        int[] dims = new int[s.rank() + 1];
        dims[0] = batch;
        System.arraycopy(s.dims(), 0, dims, 1, s.rank());
        return dims;
    }
}
