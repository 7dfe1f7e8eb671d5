package org.layerlab.nn.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.layers.MergeLayer;

/**
 * Gradients that their one reader writes instead of adding to are not zeroed between passes: a
 * second pass must still give what a fresh network gives, every value of those buffers written
 * (pooling whose windows leave a row and a column of the input out included), and a gradient
 * with two readers must still be zeroed and summed. The same for the kernels' gradients, which
 * their layers write.
 */
class GradientWritersTest {
    private final Random rng = new Random(21);

    @Test
    void aSecondPassGivesTheGradientsOfAFreshNetwork() {
        // 7 × 7 pooled by 2 leaves the last row and column out of every window: their gradient is 0.
        Supplier<Network> cnn = () -> Sequential.input(7, 7, 2)
                .add(new Conv2D(4, 3, "relu").withPadding(org.layerlab.nn.Padding.SAME)).add(new MaxPooling2D(2))
                .add(new Conv2D(3, 2, "tanh")).add(new Flatten()).add(new Dense(5, "relu")).add(new Dense(3, "softmax"))
                .build(5).withInputGradient();
        sameAsFresh(cnn, 7 * 7 * 2);
        Network net = cnn.get();
        assertTrue(net.steps().stream().anyMatch(s -> s.writtenByReader), "the relu and pooling steps write");
        assertFalse(net.steps().get(net.steps().size() - 2).writtenByReader, "the loss seeds the logits' gradient");
    }

    @Test
    void aGradientWithTwoReadersIsStillZeroedAndSummed() {
        NetworkGraph g = NetworkGraph.empty()
                .withNode(new GraphNode("in", "in", Input.of(6), 0, 0))
                .withNode(new GraphNode("h", "h", new Dense(5, "relu"), 0, 0))
                .withNode(new GraphNode("a", "a", new Dense(5, "linear"), 0, 0))
                .withNode(new GraphNode("b", "b", new Dense(5, "tanh"), 0, 0))
                .withNode(new GraphNode("sum", "sum", MergeLayer.add(), 0, 0))
                .withNode(new GraphNode("out", "out", new Dense(2, "softmax"), 0, 0))
                .withEdge(new GraphEdge("in", "h", 0)).withEdge(new GraphEdge("h", "a", 0))
                .withEdge(new GraphEdge("h", "b", 0)).withEdge(new GraphEdge("a", "sum", 0))
                .withEdge(new GraphEdge("b", "sum", 1)).withEdge(new GraphEdge("sum", "out", 0));
        Supplier<Network> branching = () -> Network.compile(GraphAnalysis.of(g).plan(), new ParameterStore(8));
        sameAsFresh(branching, 6);
        Network net = branching.get();
        for (Step s : net.steps()) {
            if (s.node.id().equals("h") && s.activation != null) {
                assertFalse(s.writtenByReader, "h's output is read by a and b");
            }
        }
    }

    @Test
    void kernelsGradientsAreWrittenByTheirLayerAndNotZeroedButTheOutputStepsAre() {
        // The last Dense has no activation, so it is the output step: its backward does not run
        // when a loss starts from logits, so its gradients are zeroed like any others.
        Network net = Sequential.input(4).add(new Dense(3, "relu")).add(new Dense(2)).build(3);
        pass(net, random(3, 4), random(3, 2));
        List<Parameter> p = net.parameters();
        float[] hiddenKernel = p.get(0).grad().data().clone();
        assertTrue(Tensor.wrap(hiddenKernel, hiddenKernel.length).maxAbs() > 0, "the pass gave the kernel a gradient");
        net.zeroGradients();
        assertArrayEquals(hiddenKernel, p.get(0).grad().data(), "the hidden kernel's gradient is left to its layer");
        for (int i = 1; i < p.size(); i++) {
            for (float v : p.get(i).grad().data()) {
                assertEquals(0f, v, "parameter " + i + " (biases, the output layer's kernel) is zeroed");
            }
        }
        sameAsFresh(() -> Sequential.input(4).add(new Dense(3, "relu")).add(new Dense(2)).build(3), 4);
    }

    private void sameAsFresh(Supplier<Network> build, int sampleSize) {
        Network used = build.get();
        int outputs = used.outputShape().size();
        pass(used, random(3, sampleSize), random(3, outputs));
        float[] second = random(3, sampleSize);
        float[] seed = random(3, outputs);
        List<float[]> afterUse = pass(used, second, seed);
        List<float[]> fresh = pass(build.get(), second, seed);
        assertEquals(fresh.size(), afterUse.size());
        for (int i = 0; i < fresh.size(); i++) {
            assertArrayEquals(fresh.get(i), afterUse.get(i), "gradient " + i);
        }
    }

    /** One backward pass from a given output gradient; the parameters' gradients and the input's. */
    private static List<float[]> pass(Network net, float[] x, float[] seed) {
        net.forward(Tensor.wrap(x, 3, x.length / 3), true);
        net.zeroGradients();
        System.arraycopy(seed, 0, net.seedGradient(false).data(), 0, seed.length);
        net.backward(false);
        List<float[]> grads = new java.util.ArrayList<>();
        for (Parameter p : net.parameters()) {
            grads.add(p.grad().data().clone());
        }
        Tensor input = net.steps().get(0).grad;
        if (input != null) {
            grads.add(input.data().clone());
        }
        return grads;
    }

    private float[] random(int rows, int width) {
        float[] v = new float[rows * width];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
