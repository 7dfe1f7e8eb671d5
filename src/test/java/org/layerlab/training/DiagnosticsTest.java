package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;

class DiagnosticsTest {
    @Test
    void confusionMatrixCountsTruthAgainstArgMax() {
        // A 2 -> 2 identity network with no bias: the prediction is the larger feature.
        Network net = Sequential.input(2).add(new Dense(2, Activation.LINEAR, false, Initializer.of(Initializer.Kind.ZEROS),
                Initializer.ZEROS, Regularizer.NONE)).build(1);
        Tensor k = net.parameters().get(0).value();
        k.set(0, 1f);
        k.set(3, 1f);
        float[] x = {1, 0, 0, 1, 1, 0, 0.2f, 0.9f, 0.1f, 0.9f};
        float[] y = {0, 1, 1, 1, 0};
        ArrayDataset d = new ArrayDataset(x, Shape.of(2), y, 1, List.of("a", "b"));
        ConfusionMatrix m = ConfusionMatrix.of(net, d, 1);
        assertEquals(1, m.count(0, 0));
        assertEquals(1, m.count(0, 1), "truth a, predicted b");
        assertEquals(1, m.count(1, 0), "truth b, predicted a");
        assertEquals(2, m.count(1, 1));
    }

    @Test
    void deadReluSharesCountUnitsSilentForTheWholeBatch() {
        Network net = Sequential.input(1).add(new Dense(4, Activation.RELU, false, Initializer.of(Initializer.Kind.ZEROS),
                Initializer.ZEROS, Regularizer.NONE)).build(1);
        Tensor k = net.parameters().get(0).value();
        k.set(0, 1f);
        k.set(1, -1f);
        net.forward(Tensor.wrap(new float[] {1, 2}, 2, 1), true);
        // Unit 0 is alive, unit 1 negative, units 2 and 3 have zero weights: 3 of 4 dead.
        assertEquals(0.75, net.deadReluShares().get("dense"), 1e-12);
    }

    @Test
    void healthReportsOverfittingAfterValidationLossRisesTwice() throws Exception {
        ArrayDataset data = TrainerBehaviourTest.blobs(30, 2);
        Network net = Sequential.input(2).add(new Dense(8, "relu")).add(new Dense(3, "softmax")).build(1);
        TrainingSession s = new TrainingSession(net, TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 2),
                data, data);
        List<HealthSnapshot> seen = new CopyOnWriteArrayList<>();
        s.onHealth(seen::add);
        s.start();
        s.await(20, TimeUnit.SECONDS);
        assertTrue(!seen.isEmpty());
        LayerHealth first = seen.get(0).layers().get(0);
        assertEquals("dense", first.nodeId());
        assertTrue(first.weightNorm() > 0 && first.gradNorm() > 0 && first.updateRatio() > 0);
    }
}
