package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.network.Network;

/** The states view's data is the layer's state after each step, for the first sample. */
class StatesSnapshotTest {
    @Test
    void statesAreTheReturnedSequenceOfTheFirstSample() {
        Network net = Network.compile(GraphAnalysis.of(GraphAnalysisTest.chain(new Input(Shape.of(5, 2)),
                new LSTM(3, true))).plan(), new ParameterStore(2));
        Tensor x = GradCheck.random(new Random(4), 1, 2, 5, 2);
        ArrayDataset data = new ArrayDataset(x.data().clone(), Shape.of(5, 2), new float[] {0, 0}, 1, List.of());
        StatesSnapshot s = StatesSnapshot.of(net, data, 3, 1);
        assertEquals(1, s.layers().size());
        StatesSnapshot.Layer layer = s.layers().get(0);
        assertEquals(5, layer.steps());
        assertEquals(3, layer.units());
        float[] expected = new float[15];
        System.arraycopy(net.predict(x).data(), 0, expected, 0, 15);
        assertArrayEquals(expected, layer.states(), 1e-6f);
    }
}
