package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.Architectures;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.network.Network;

/** The attention view's data: per layer and head, one row of weights per position, each summing to 1. */
class AttentionSnapshotTest {
    @Test
    void rowsAreDistributionsForTheFirstExample() {
        Network net = Network.compile(GraphAnalysis.of(Architectures.transformerClassifier(6, 20, 8, 2, 4, 8, 2, 3, 0))
                .plan(), new ParameterStore(1));
        float[] ids = new float[2 * 6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % 20;
        }
        ArrayDataset data = new ArrayDataset(ids, Shape.of(6), new float[] {0, 1}, 1, List.of("a", "b", "c"));
        AttentionSnapshot s = AttentionSnapshot.of(net, data, 7, 2);
        assertEquals(2, s.layers().size(), "one entry per attention layer, in network order");
        assertEquals("multiheadattention", s.layers().get(0).name());
        for (AttentionSnapshot.Layer layer : s.layers()) {
            assertEquals(2, layer.heads());
            for (int h = 0; h < 2; h++) {
                for (int q = 0; q < 6; q++) {
                    double sum = 0;
                    for (int k = 0; k < 6; k++) {
                        sum += layer.weight(h, q, k);
                    }
                    assertEquals(1, sum, 1e-5);
                }
            }
        }
        Network plain = Network.compile(GraphAnalysis.of(GraphAnalysisTest.chain(Input.of(6), new Dense(2))).plan(),
                new ParameterStore(1));
        assertNull(AttentionSnapshot.of(plain, data, 1, 1), "no attention, no snapshot");
    }
}
