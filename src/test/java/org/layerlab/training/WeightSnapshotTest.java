package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.network.Network;

/** The Weights tab shows a recurrent layer's recurrent kernel, and a dense layer's kernel. */
class WeightSnapshotTest {
    @Test
    void theMainTensorIsTheOneThatShowsWhatTheLayerLearned() {
        Network net = Network.compile(GraphAnalysis.of(GraphAnalysisTest.chain(new Input(Shape.of(20, 1)), new LSTM(8),
                new Dense(1))).plan(), new ParameterStore(1));
        WeightSnapshot lstm = WeightSnapshot.of("lstm", 1, net.parameters(), false);
        assertEquals("recurrent_kernel", lstm.main().name());
        assertEquals(List.of(8, 32), List.of(lstm.main().dims()[0], lstm.main().dims()[1]));
        assertEquals("kernel", WeightSnapshot.of("dense", 1, net.parameters(), false).main().name());
    }
}
