package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.network.Network;

/**
 * mask_zero as Keras: a sequence padded with id 0 gives the same result as the sequence alone
 * (recurrent layers keep their state over padding, average pooling averages real steps, self-
 * attention ignores padding keys), and gradients hold with the mask in place.
 */
class MaskingTest {
    private static final float[] PADDED = {3, 5, 7, 0, 0, 2, 9, 0, 0, 0};
    private static final float[] SHORT = {3, 5, 7, 2, 9, 1};

    /** The same layers on 5 and on 3 steps, sharing their weights (node ids and dims match). */
    private static float[] run(int steps, float[] ids, LayerSpec... after) {
        LayerSpec[] layers = new LayerSpec[after.length + 2];
        layers[0] = Input.of(steps);
        layers[1] = new Embedding(20, 4).masked();
        System.arraycopy(after, 0, layers, 2, after.length);
        Network net = Network.compile(GraphAnalysis.of(GraphAnalysisTest.chain(layers)).plan(), new ParameterStore(4));
        return net.predict(Tensor.wrap(ids, 2, steps)).data();
    }

    private static void sameForTheRealSteps(LayerSpec... after) {
        float[] padded = run(5, PADDED, after);
        float[] alone = run(3, SHORT, after);
        int width = alone.length / 2;
        // The first sample has three real steps, as the short one; compare it whole.
        assertArrayEquals(java.util.Arrays.copyOf(alone, width), java.util.Arrays.copyOf(padded, width), 1e-6f,
                after[0].kind());
    }

    @Test
    void paddingChangesNoRecurrentLayersFinalStateNorTheMaskedMean() {
        sameForTheRealSteps(new LSTM(3));
        sameForTheRealSteps(new GRU(3));
        sameForTheRealSteps(new SimpleRNN(3));
        sameForTheRealSteps(new LSTM(3, true), new GlobalAveragePooling1D());
        sameForTheRealSteps(new Dense(4), new MultiHeadAttention(2, 2), new GlobalAveragePooling1D());
        sameForTheRealSteps(new Bidirectional("LSTM", 3, false, "concat"));
        sameForTheRealSteps(new Bidirectional("GRU", 3, true, "sum"), new GlobalAveragePooling1D());
    }

    /** Cross-attention: the keys' mask comes from the value input (here the masked embedding, the query a Dense of it). */
    @Test
    void crossAttentionIgnoresTheValuesPadding() {
        float[][] out = new float[2][];
        int[] steps = {5, 3};
        float[][] ids = {PADDED, SHORT};
        for (int k = 0; k < 2; k++) {
            NetworkGraph g = NetworkGraph.empty().withNode(new GraphNode("in", "in", Input.of(steps[k]), 0, 0))
                    .withNode(new GraphNode("emb", "emb", new Embedding(20, 4).masked(), 0, 0))
                    .withNode(new GraphNode("q", "q", new Dense(3), 0, 0))
                    .withNode(new GraphNode("att", "att", new MultiHeadAttention(2, 2), 0, 0))
                    .withNode(new GraphNode("pool", "pool", new GlobalAveragePooling1D(), 0, 0))
                    .withEdge(new GraphEdge("in", "emb", 0)).withEdge(new GraphEdge("emb", "q", 0))
                    .withEdge(new GraphEdge("q", "att", 0)).withEdge(new GraphEdge("emb", "att", 1))
                    .withEdge(new GraphEdge("att", "pool", 0));
            Network net = Network.compile(GraphAnalysis.of(g).plan(), new ParameterStore(4));
            out[k] = net.predict(Tensor.wrap(ids[k], 2, steps[k])).data();
        }
        int width = out[1].length / 2;
        assertArrayEquals(java.util.Arrays.copyOf(out[1], width), java.util.Arrays.copyOf(out[0], width), 1e-6f);
    }

    @Test
    void aRecurrentLayerRepeatsItsLastOutputOverPadding() {
        float[] out = run(5, PADDED, new LSTM(3, true));
        // sample 0: steps 3 and 4 are padding: the output of step 2 repeated.
        for (int t = 3; t < 5; t++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(out[2 * 3 + j], out[t * 3 + j], 0f);
            }
        }
    }

    @Test
    void gradientsHoldUnderAMask() {
        byte[] mask = {1, 1, 0, 1, 0, 1, 1, 1, 0, 0};
        LayerGradients.check(new LSTM(3, true), List.of(Shape.of(5, 2)), 3, 5, mask);
        LayerGradients.check(new GRU(3), List.of(Shape.of(5, 2)), 3, 5, mask);
        LayerGradients.check(new SimpleRNN(3).withReturnSequences(), List.of(Shape.of(5, 2)), 3, 5, mask);
        LayerGradients.check(new GlobalAveragePooling1D(), List.of(Shape.of(5, 2)), 3, 5, mask);
        LayerGradients.check(new MultiHeadAttention(2, 2), List.of(Shape.of(5, 2)), 3, 5, mask);
        LayerGradients.check(new Bidirectional("LSTM", 2, true, "concat"), List.of(Shape.of(5, 2)), 3, 5, mask);
        LayerGradients.check(new Bidirectional("SimpleRNN", 2, false, "mul"), List.of(Shape.of(5, 2)), 3, 5, mask);
    }
}
