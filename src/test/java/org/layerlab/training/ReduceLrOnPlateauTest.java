package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

/** Keras' ReduceLROnPlateau counting: wait ≥ patience reduces, cooldown pauses the count, min_lr is a floor. */
class ReduceLrOnPlateauTest {
    @Test
    void reducesAfterPatienceEpochsWithoutImprovementThenCoolsDown() {
        ReduceLrOnPlateau.Watch w = new ReduceLrOnPlateau("val_loss", 0.5, 2, 0, 1, 0.01).watch();
        double rate = 0.1;
        rate = w.epochEnded(1.0, rate);
        assertEquals(0.1, rate, "the first epoch sets the best");
        rate = w.epochEnded(1.0, rate);
        assertEquals(0.1, rate, "one epoch without improvement: waiting");
        rate = w.epochEnded(1.0, rate);
        assertEquals(0.05, rate, 1e-15, "two: reduced");
        rate = w.epochEnded(1.0, rate);
        assertEquals(0.05, rate, 1e-15, "cooldown: not counted");
        rate = w.epochEnded(1.0, rate);
        rate = w.epochEnded(1.0, rate);
        assertEquals(0.025, rate, 1e-15, "counted again after the cooldown");
        rate = w.epochEnded(0.5, rate);
        rate = w.epochEnded(0.5, rate);
        assertEquals(0.025, rate, 1e-15, "an improvement resets the wait");
        for (int i = 0; i < 20; i++) {
            rate = w.epochEnded(0.5, rate);
        }
        assertEquals(0.01, rate, 1e-15, "never below min_lr");
    }

    @Test
    void accuraciesMustRise() {
        ReduceLrOnPlateau.Watch w = new ReduceLrOnPlateau("val_accuracy", 0.1, 1, 0, 0, 0).watch();
        assertEquals(1.0, w.epochEnded(0.8, 1.0));
        assertEquals(1.0, w.epochEnded(0.9, 1.0), "a higher accuracy improves");
        assertEquals(0.1, w.epochEnded(0.85, 1.0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new ReduceLrOnPlateau("loss", 1.5, 1, 0, 0, 0));
    }

    @Test
    void aRunLowersItsRateWhenTheMonitoredLossStopsImproving() {
        Network net = Sequential.input(2).add(new Dense(1, "sigmoid")).build(1);
        // min_delta so large that no epoch after the first counts as better: the rate halves after each.
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 4).withBatchSize(8)
                .withOptimizer(OptimizerSpec.of("sgd", 0.08))
                .withReduceLrOnPlateau(new ReduceLrOnPlateau("loss", 0.5, 1, 1e9, 0, 0));
        float[][] x = new float[20][];
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new float[] {i % 2 == 0 ? -1 - i * 0.1f : 1 + i * 0.1f, 0.5f};
            y[i] = i % 2;
        }
        TrainingResult r = new Trainer(net, cfg).fit(ArrayDataset.classification(x, y, List.of("no", "yes")));
        List<Double> rates = r.history().stream().map(EpochEvent::learningRate).toList();
        assertEquals(List.of(0.08, 0.08, 0.04, 0.02), rates);
    }
}
