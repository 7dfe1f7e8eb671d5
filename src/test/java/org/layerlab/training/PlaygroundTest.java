package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.network.Network;

/** The playground's predictions, saliency and drawing preprocessing, without a window. */
class PlaygroundTest {
    static NetworkGraph cnn(String outputActivation) {
        LayerSpec[] layers = {new Input(Shape.of(6, 6, 1)), new Conv2D(3, 3, "tanh"), new Flatten(),
            new Dense(3, outputActivation)};
        NetworkGraph g = NetworkGraph.empty();
        for (int i = 0; i < layers.length; i++) {
            g = g.withNode(new GraphNode("n" + i, "n" + i, layers[i], 0, 100 * i));
            if (i > 0) {
                g = g.withEdge(new GraphEdge("n" + (i - 1), "n" + i, 0));
            }
        }
        return g;
    }

    static float[] image(long seed) {
        Random rng = new Random(seed);
        float[] x = new float[36];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat();
        }
        return x;
    }

    @Test
    void predictionsAreTheNetworksAndSaliencyIsTheLogitsGradient() {
        ParameterStore weights = Network.compile(GraphAnalysis.of(cnn("softmax")).plan(), new ParameterStore(3))
                .parameterStore();
        Playground p = new Playground(cnn("softmax"), weights, List.of("a", "b", "c"));
        float[] x = image(1);
        Network reference = Network.compile(GraphAnalysis.of(cnn("softmax")).plan(), weights.copy());
        float[] expected = reference.predict(Tensor.wrap(x.clone(), 1, 6, 6, 1)).data();
        Playground.Prediction r = p.predict(x, 2);
        assertArrayEquals(expected, r.outputs(), 1e-7f);
        assertEquals(3, r.ranking().length);
        assertEquals(r.outputs()[r.top()], Math.max(r.outputs()[0], Math.max(r.outputs()[1], r.outputs()[2])));

        // The same weights without the softmax give the logits; central differences of logit 2.
        Network logits = Network.compile(GraphAnalysis.of(cnn("linear")).plan(), weights.copy());
        double h = 1e-2;
        for (int i = 0; i < x.length; i += 5) {
            float[] up = x.clone();
            float[] down = x.clone();
            up[i] += (float) h;
            down[i] -= (float) h;
            double numeric = (logits.predict(Tensor.wrap(up, 1, 6, 6, 1)).get(2)
                    - logits.predict(Tensor.wrap(down, 1, 6, 6, 1)).get(2)) / (2 * h);
            assertEquals(numeric, r.saliency()[i], 2e-3, "input " + i);
        }
        assertNull(p.predict(x, -1).saliency());
        // A second prediction is not disturbed by the first's gradients.
        assertArrayEquals(r.saliency(), p.predict(x, 2).saliency(), 1e-7f);
    }

    @Test
    void aDrawingIsAveragedDownToTheInputAsTrainingImagesAre() {
        float[] drawing = new float[56 * 56];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                drawing[y * 56 + x] = 1;
            }
        }
        drawing[55 * 56 + 55] = 1; // one pixel of four in the last cell: a quarter grey
        float[] in = Playground.fromDrawing(drawing, 56, 56, Shape.of(28, 28, 3));
        assertEquals(28 * 28 * 3, in.length);
        assertEquals(1f, in[(13 * 28 + 13) * 3]);
        assertEquals(1f, in[(13 * 28 + 13) * 3 + 2], "grey copied into every channel");
        assertEquals(0f, in[(14 * 28 + 14) * 3]);
        assertEquals(0.25f, in[(27 * 28 + 27) * 3]);
    }

    @Test
    void mistakesAreTheWrongAnswersMostConfidentFirst() {
        NetworkGraph g = cnn("softmax");
        ParameterStore weights = Network.compile(GraphAnalysis.of(g).plan(), new ParameterStore(3)).parameterStore();
        int n = 40;
        float[] x = new float[n * 36];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(image(i), 0, x, i * 36, 36);
            y[i] = i % 3;
        }
        ArrayDataset test = new ArrayDataset(x, Shape.of(6, 6, 1), y, 1, List.of("a", "b", "c"));
        List<Mistakes.Mistake> found = Mistakes.of(g, weights, test);
        Network net = Network.compile(GraphAnalysis.of(g).plan(), weights.copy());
        Tensor p = net.predict(Tensor.wrap(x, n, 6, 6, 1));
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = p.get(i * 3 + k) > p.get(i * 3 + best) ? k : best;
            }
            wrong += best != (int) y[i] ? 1 : 0;
        }
        assertEquals(wrong, found.size());
        for (int i = 0; i < found.size(); i++) {
            Mistakes.Mistake m = found.get(i);
            assertNotEquals(m.truth(), m.predicted());
            assertEquals((int) y[m.index()], m.truth());
            assertEquals(p.get(m.index() * 3 + m.predicted()), m.confidence(), 1e-6f);
            if (i > 0) {
                assertTrue(found.get(i - 1).confidence() >= m.confidence());
            }
        }
    }

    @Test
    void occlusionFindsThePixelsAClassRestsOn() {
        LayerSpec[] layers = {new Input(Shape.of(6, 6, 1)), new Flatten(), new Dense(2, "softmax")};
        NetworkGraph g = NetworkGraph.empty();
        for (int i = 0; i < layers.length; i++) {
            g = g.withNode(new GraphNode("n" + i, "n" + i, layers[i], 0, 100 * i));
            if (i > 0) {
                g = g.withEdge(new GraphEdge("n" + (i - 1), "n" + i, 0));
            }
        }
        ParameterStore weights = Network.compile(GraphAnalysis.of(g).plan(), new ParameterStore(3)).parameterStore();
        float[] kernel = weights.ofNode("n2").get("kernel").value().data();
        java.util.Arrays.fill(kernel, 0);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                kernel[(y * 6 + x) * 2] = 1; // class 0 counts the top-left 2 × 2 pixels
            }
        }
        float[] ones = new float[36];
        java.util.Arrays.fill(ones, 1);
        float[] map = new Playground(g, weights, List.of("a", "b")).occlusion(ones, Shape.of(6, 6, 1), 0, 2, 2);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                if (y < 2 && x < 2) {
                    assertTrue(map[y * 6 + x] > 0.1, "blacking out the pixels class 0 counts lowers it");
                } else {
                    assertEquals(0, map[y * 6 + x], 1e-6, "the rest does not matter to it");
                }
            }
        }
    }
}
