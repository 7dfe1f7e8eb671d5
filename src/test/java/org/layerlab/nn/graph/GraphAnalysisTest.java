package org.layerlab.nn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.engine.ops.Merge;
import org.layerlab.nn.Loss;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.layers.Concatenate;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.network.Network;
import org.layerlab.training.MemoryBudget;

public class GraphAnalysisTest {
    public static NetworkGraph chain(LayerSpec... layers) {
        NetworkGraph g = NetworkGraph.empty();
        String prev = null;
        for (LayerSpec l : layers) {
            String id = g.newId(l.kind());
            g = g.withNode(new GraphNode(id, id, l, 0, 0));
            if (prev != null) {
                g = g.withEdge(new GraphEdge(prev, id, 0));
            }
            prev = id;
        }
        return g;
    }

    private static String messages(GraphAnalysis a) {
        return a.problems().toString();
    }

    @Test
    void validChainInfersShapesAndParameters() {
        GraphAnalysis a = GraphAnalysis.of(chain(Input.of(28, 28, 1), new Conv2D(8, 3, "relu"), new Flatten(),
                new Dense(10, "softmax")), Loss.SPARSE_CATEGORICAL_CROSSENTROPY, new DataSummary(Shape.of(28, 28, 1), 10, 1));
        assertTrue(a.problems().isEmpty(), messages(a));
        assertEquals(Shape.of(26, 26, 8), a.info("conv2d").outputShape());
        assertEquals(80 + 26 * 26 * 8 * 10 + 10, a.totalParams());
        assertEquals("dense", a.outputId());
        assertTrue(a.trainingMemoryBytes(32) > 32L * 26 * 26 * 8 * 4);
    }

    @Test
    void shapeMismatchOffersInsertFlattenAndTheFixWorks() {
        NetworkGraph g = chain(Input.of(28, 28, 1), new Conv2D(8, 3, "relu"), new Dense(10, "softmax"));
        GraphAnalysis a = GraphAnalysis.of(g);
        Problem p = a.problemsOf("dense").get(0);
        assertEquals("dense: Dense needs a flat input but receives (26, 26, 8): insert Flatten before it", p.message());
        assertNotNull(p.fix());
        NetworkGraph fixed = p.fix().apply(g);
        GraphAnalysis after = GraphAnalysis.of(fixed);
        assertTrue(after.problems().isEmpty(), messages(after));
        assertEquals(4, fixed.size());
        assertEquals(Shape.of(5408), after.info("flatten").outputShape());
    }

    @Test
    void cycleIsReportedOnItsNodes() {
        NetworkGraph g = chain(Input.of(4), new Dense(4), new Dense(4))
                .withNode(new GraphNode("add", "add", MergeLayer.add(), 0, 0))
                .withoutEdge(new GraphEdge("dense", "dense_1", 0))
                .withEdge(new GraphEdge("dense", "add", 0)).withEdge(new GraphEdge("dense_1", "add", 1))
                .withEdge(new GraphEdge("add", "dense_1", 0));
        GraphAnalysis a = GraphAnalysis.of(g);
        assertTrue(messages(a).contains("add is part of a cycle"), messages(a));
        assertTrue(messages(a).contains("dense_1 is part of a cycle"), messages(a));
        assertTrue(a.hasErrors());
    }

    @Test
    void disconnectedNodesAndInputsAreReported() {
        NetworkGraph g = chain(Input.of(4), new Dense(2)).withNode(new GraphNode("input_2", "input_2", Input.of(3), 0, 0));
        GraphAnalysis a = GraphAnalysis.of(g);
        assertTrue(messages(a).contains("input_2 has no path to the output dense"), messages(a));
        NetworkGraph orphan = chain(Input.of(4), new Dense(2)).withNode(new GraphNode("dense_9", "dense_9", new Dense(3), 0, 0));
        GraphAnalysis b = GraphAnalysis.of(orphan);
        assertTrue(messages(b).contains("needs an input but has none"), messages(b));
        assertTrue(messages(b).contains("2 outputs"), messages(b));
        NetworkGraph unreachable = chain(Input.of(4), new Dense(2))
                .withNode(new GraphNode("a", "a", new Dense(3), 0, 0)).withNode(new GraphNode("b", "b", new Dense(3), 0, 0))
                .withEdge(new GraphEdge("a", "b", 0));
        assertTrue(messages(GraphAnalysis.of(unreachable)).contains("b is not connected to any Input"));
        assertTrue(messages(GraphAnalysis.of(NetworkGraph.empty())).contains("The network is empty"));
    }

    @Test
    void addWithDifferentShapesIsExplained() {
        NetworkGraph g = chain(Input.of(4), new Dense(3))
                .withNode(new GraphNode("dense_1", "dense_1", new Dense(5), 0, 0))
                .withNode(new GraphNode("add", "add", MergeLayer.add(), 0, 0))
                .withEdge(new GraphEdge("input", "dense_1", 0))
                .withEdge(new GraphEdge("dense", "add", 0)).withEdge(new GraphEdge("dense_1", "add", 1));
        GraphAnalysis a = GraphAnalysis.of(g);
        assertTrue(messages(a).contains("Add needs inputs of one shape but receives (3) and (5)"), messages(a));
    }

    @Test
    void lossThatDoesNotFitTheOutput() {
        GraphAnalysis cce = GraphAnalysis.of(chain(Input.of(4), new Dense(1)), Loss.CATEGORICAL_CROSSENTROPY, null);
        assertTrue(messages(cce).contains("needs one output unit per class"), messages(cce));
        DataSummary five = new DataSummary(Shape.of(4), 5, 1);
        GraphAnalysis sparse = GraphAnalysis.of(chain(Input.of(4), new Dense(3, "softmax")),
                Loss.SPARSE_CATEGORICAL_CROSSENTROPY, five);
        Problem p = sparse.problems().get(0);
        assertTrue(p.message().contains("5 classes (labels 0..4)"), p.message());
        assertEquals("Set units to 5", p.fix().label());
        assertTrue(GraphAnalysis.of(p.fix().apply(sparse.graph()), Loss.SPARSE_CATEGORICAL_CROSSENTROPY, five).problems().isEmpty());
        GraphAnalysis mse = GraphAnalysis.of(chain(Input.of(4), new Dense(3, "softmax")), Loss.MSE, null);
        assertEquals(1, mse.problems().size());
        assertFalse(mse.hasErrors(), "softmax with mse is a warning");
    }

    @Test
    void analysesOfTheSameGraphSayTheSameUnlessTheDataChangesAProblem() {
        NetworkGraph g = chain(Input.of(4), new Dense(3, "softmax"));
        DataSummary three = new DataSummary(Shape.of(4), 3, 1);
        DataSummary five = new DataSummary(Shape.of(4), 5, 1);
        GraphAnalysis first = GraphAnalysis.of(g, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, five);
        assertTrue(GraphAnalysis.of(g, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, five).saysTheSameAs(first),
                "a fix is a new lambda each time, compared by its label");
        assertFalse(GraphAnalysis.of(g, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, three).saysTheSameAs(first));
        assertFalse(GraphAnalysis.of(chain(Input.of(4), new Dense(3, "softmax")), Loss.SPARSE_CATEGORICAL_CROSSENTROPY, five)
                .saysTheSameAs(first), "another graph, even an equal one");
        assertFalse(first.saysTheSameAs(null));
    }

    @Test
    void dataShapeThatDoesNotFitTheInputOffersToSetIt() {
        NetworkGraph g = chain(Input.of(5), new Dense(1));
        DataSummary data = new DataSummary(Shape.of(13), 0, 1);
        GraphAnalysis a = GraphAnalysis.of(g, Loss.MSE, data);
        Problem p = a.problems().get(0);
        assertTrue(p.message().contains("set the Input shape to (13)"), p.message());
        assertTrue(GraphAnalysis.of(p.fix().apply(g), Loss.MSE, data).problems().isEmpty());
    }

    @Test
    void tooManyInputsForASingleInputLayer() {
        NetworkGraph g = chain(Input.of(4), new Dense(3)).withNode(new GraphNode("input_1", "input_1", Input.of(4), 0, 0))
                .withEdge(new GraphEdge("input_1", "dense", 1));
        assertTrue(messages(GraphAnalysis.of(g)).contains("takes one input but 2 are connected"), messages(GraphAnalysis.of(g)));
    }

    @Test
    void branchingGraphCompilesAndRuns() {
        NetworkGraph g = chain(Input.of(4), new Dense(3, "relu"))
                .withNode(new GraphNode("dense_1", "dense_1", new Dense(2, "tanh"), 0, 0))
                .withNode(new GraphNode("concatenate", "concatenate", new Concatenate(), 0, 0))
                .withNode(new GraphNode("sub", "sub", new MergeLayer(Merge.Kind.SUBTRACT), 0, 0))
                .withNode(new GraphNode("dense_2", "dense_2", new Dense(5), 0, 0))
                .withNode(new GraphNode("out", "out", new Dense(1, "sigmoid"), 0, 0))
                .withEdge(new GraphEdge("input", "dense_1", 0))
                .withEdge(new GraphEdge("dense", "concatenate", 0)).withEdge(new GraphEdge("dense_1", "concatenate", 1))
                .withEdge(new GraphEdge("input", "dense_2", 0))
                .withEdge(new GraphEdge("concatenate", "sub", 0)).withEdge(new GraphEdge("dense_2", "sub", 1))
                .withEdge(new GraphEdge("sub", "out", 0));
        GraphAnalysis a = GraphAnalysis.of(g);
        assertTrue(a.problems().isEmpty(), messages(a));
        assertEquals(Shape.of(5), a.info("concatenate").outputShape());
        assertEquals(7, a.plan().size());
        assertEquals("out", a.plan().get(6).id());
        Network net = Network.compile(a.plan(), new ParameterStore(1));
        Tensor y = net.predict(Tensor.wrap(new float[] {1, 2, 3, 4, -1, 0, 1, 2}, 2, 4));
        assertEquals(2, y.batch());
        assertTrue(y.allFinite());
    }

    @Test
    void aCycleInALongChainIsFoundExactlyWithoutCubicWork() {
        // A 3-node cycle fed by a 10,000-node chain: the check used to be cubic (31 s at 3,000 nodes).
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        nodes.add(new GraphNode("in", "in", Input.of(4), 0, 0));
        String prev = "in";
        for (int i = 0; i < 10_000; i++) {
            nodes.add(new GraphNode("d" + i, "d" + i, new Dense(4), 0, 0));
            edges.add(new GraphEdge(prev, "d" + i, 0));
            prev = "d" + i;
        }
        for (String c : List.of("a", "b", "c")) {
            nodes.add(new GraphNode(c, c, new MergeLayer(Merge.Kind.ADD), 0, 0));
        }
        edges.add(new GraphEdge(prev, "a", 0));
        edges.add(new GraphEdge("c", "a", 1));
        edges.add(new GraphEdge("a", "b", 0));
        edges.add(new GraphEdge("b", "c", 0));
        edges.add(new GraphEdge("d5", "b", 1));
        edges.add(new GraphEdge("d6", "c", 1));
        GraphAnalysis a = GraphAnalysis.of(NetworkGraph.of(nodes, edges));
        Set<String> onCycle = new HashSet<>();
        a.problems().stream().filter(p -> p.message().contains("part of a cycle")).forEach(p -> onCycle.add(p.nodeId()));
        assertEquals(Set.of("a", "b", "c"), onCycle);
    }

    @Test
    void aGraphBuiltAtOnceIsTheGraphBuiltEdgeByEdge() {
        List<GraphNode> nodes = List.of(new GraphNode("in", "in", Input.of(2), 0, 0),
                new GraphNode("x", "x", new Dense(2), 0, 0), new GraphNode("y", "y", new Dense(2), 0, 0),
                new GraphNode("add", "add", new MergeLayer(Merge.Kind.ADD), 0, 0));
        // The second edge into add's port 0 replaces the first, as withEdge does.
        List<GraphEdge> edges = List.of(new GraphEdge("in", "x", 0), new GraphEdge("in", "y", 0),
                new GraphEdge("in", "add", 0), new GraphEdge("x", "add", 0), new GraphEdge("y", "add", 1));
        NetworkGraph stepwise = NetworkGraph.empty();
        for (GraphNode n : nodes) {
            stepwise = stepwise.withNode(n);
        }
        for (GraphEdge e : edges) {
            stepwise = stepwise.withEdge(e);
        }
        NetworkGraph once = NetworkGraph.of(nodes, edges);
        assertEquals(stepwise, once);
        assertEquals(List.of(new GraphEdge("x", "add", 0), new GraphEdge("y", "add", 1)), once.inputsOf("add"));
        assertThrows(IllegalArgumentException.class, () -> NetworkGraph.of(nodes, List.of(new GraphEdge("in", "ghost", 0))));
    }

    @Test
    void runningAHugeTrainedNetworkIsRefusedBeforeItsTensorsAreMade() {
        // 40,000 × 40,000 weights: 6.4 GB in float32, more than any test heap: evaluate and predict say so.
        GraphAnalysis a = GraphAnalysis.of(chain(Input.of(40_000), new Dense(40_000)));
        assertFalse(a.hasErrors());
        assertTrue(a.inferenceMemoryBytes(256) > 6_400_000_000L);
        String refusal = MemoryBudget.checkInferenceHere(a.inferenceMemoryBytes(256), 256);
        assertTrue(refusal != null && refusal.startsWith("Running the network needs about 6.0 GB at batch 256"), refusal);
    }
}
