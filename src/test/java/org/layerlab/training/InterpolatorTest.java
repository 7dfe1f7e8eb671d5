package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ReconstructionDataset;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.network.Network;

/** The walk from one image's code to another's: its ends are the network's own reconstructions. */
class InterpolatorTest {
    @Test
    void theEndsAreTheReconstructionsForAnyLatentSize() {
        NetworkGraph g = LatentSnapshotTest.vae(3);
        Network whole = Network.compile(GraphAnalysis.of(g).plan(), new ParameterStore(5));
        GraphNode sampling = g.require("sampling");
        ReconstructionDataset data = LatentSnapshotTest.images(10);
        float[] strip = new Interpolator(g, whole.parameterStore(), sampling).between(data, 2, 7, 5);
        assertEquals(5 * 16, strip.length);
        Tensor x = Tensor.ofBatch(2, data.featureShape());
        data.gather(new int[] {2, 7}, 0, 2, x, Tensor.zeros(2, 16));
        float[] ends = whole.predict(x).data();
        assertArrayEquals(Arrays.copyOfRange(ends, 0, 16), Arrays.copyOfRange(strip, 0, 16), 1e-6f);
        assertArrayEquals(Arrays.copyOfRange(ends, 16, 32), Arrays.copyOfRange(strip, 64, 80), 1e-6f);
    }
}
