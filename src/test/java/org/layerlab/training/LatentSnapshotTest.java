package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.data.ReconstructionDataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.graph.SubGraphs;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.layers.Sampling;
import org.layerlab.nn.network.Network;

/** A VAE's encoder and decoder run apart on the network's own weights, and the latent view built from them. */
class LatentSnapshotTest {
    static NetworkGraph vae(int latent) {
        return NetworkGraph.empty()
                .withNode(new GraphNode("input", "input", new Input(Shape.of(4, 4, 1)), 0, 0))
                .withNode(new GraphNode("flatten", "flatten", new Flatten(), 0, 100))
                .withNode(new GraphNode("hidden", "hidden", new Dense(8, "relu"), 0, 200))
                .withNode(new GraphNode("z_mean", "z_mean", new Dense(latent), 0, 300))
                .withNode(new GraphNode("z_log_var", "z_log_var", new Dense(latent), 200, 300))
                .withNode(new GraphNode("sampling", "sampling", new Sampling(0.01), 0, 400))
                .withNode(new GraphNode("decoder", "decoder", new Dense(16, "sigmoid"), 0, 500))
                .withNode(new GraphNode("image", "image", new Reshape(Shape.of(4, 4, 1)), 0, 600))
                .withEdge(new GraphEdge("input", "flatten", 0)).withEdge(new GraphEdge("flatten", "hidden", 0))
                .withEdge(new GraphEdge("hidden", "z_mean", 0)).withEdge(new GraphEdge("hidden", "z_log_var", 0))
                .withEdge(new GraphEdge("z_mean", "sampling", 0)).withEdge(new GraphEdge("z_log_var", "sampling", 1))
                .withEdge(new GraphEdge("sampling", "decoder", 0)).withEdge(new GraphEdge("decoder", "image", 0));
    }

    static ReconstructionDataset images(int n) {
        Random rng = new Random(4);
        float[] x = new float[n * 16];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 16; j++) {
                x[i * 16 + j] = rng.nextFloat();
            }
        }
        return new ReconstructionDataset(new ArrayDataset(x, Shape.of(4, 4, 1), y, 1, List.of("a", "b", "c")));
    }

    @Test
    void decoderOfEncoderIsTheWholeNetworkInInference() {
        NetworkGraph g = vae(2);
        Network whole = Network.compile(GraphAnalysis.of(g).plan(), new ParameterStore(5));
        Network encoder = Network.compile(GraphAnalysis.of(SubGraphs.upTo(g, "z_mean")).plan(),
                whole.parameterStore().copy());
        Network decoder = Network.compile(GraphAnalysis.of(SubGraphs.from(g, "sampling", Shape.of(2))).plan(),
                whole.parameterStore().copy());
        assertEquals(Shape.of(2), encoder.outputShape());
        assertEquals(Shape.of(2), decoder.inputShape());
        Tensor x = Tensor.zeros(3, 4, 4, 1);
        for (int i = 0; i < 48; i++) {
            x.data()[i] = (i * 7 % 11) / 11f;
        }
        assertArrayEquals(whole.predict(x).data(), decoder.predict(encoder.predict(x)).data(), 1e-6f);
    }

    @Test
    void theSnapshotMapsTestImagesByClassAndDecodesAGridOverTheirSquare() {
        NetworkGraph g = vae(2);
        Network whole = Network.compile(GraphAnalysis.of(g).plan(), new ParameterStore(5));
        int weights = whole.parameterStore().all().size();
        GraphNode sampling = LatentSnapshot.sampling(g, Shape.of(4, 4, 1));
        assertNotNull(sampling);
        ReconstructionDataset data = images(30);
        LatentSnapshot s = LatentSnapshot.of(g, whole.parameterStore(), sampling, data, 7, 2);
        assertEquals(weights, whole.parameterStore().all().size(), "the network keeps all its weights");
        assertEquals(30, s.x().length);
        assertEquals(List.of("a", "b", "c"), s.classNames());
        assertEquals(2, s.labels()[5]);
        assertEquals(LatentSnapshot.SIDE * LatentSnapshot.SIDE * 16, s.decoded().length);
        assertTrue(s.extent()[0] <= s.extent()[1] && s.extent()[2] <= s.extent()[3]);
        Network encoder = Network.compile(GraphAnalysis.of(SubGraphs.upTo(g, "z_mean")).plan(),
                whole.parameterStore().copy());
        Tensor x = Tensor.ofBatch(1, data.featureShape());
        data.gather(new int[] {4}, 0, 1, x, Tensor.zeros(1, 16));
        Tensor z = encoder.predict(x);
        assertEquals(z.get(0), s.x()[4], 1e-6f);
        assertEquals(z.get(1), s.y()[4], 1e-6f);
    }

    @Test
    void onlyATwoDimensionalLatentSpaceGetsAMap() {
        assertNull(LatentSnapshot.sampling(vae(3), Shape.of(4, 4, 1)));
        assertNotNull(LatentSnapshot.sampling(vae(2), Shape.of(4, 4, 1)));
    }
}
