package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

class EpochHistoryTest {
    private static Map<String, Double> metrics(Object... keysAndValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void readsBackEachEpochAsItsEventWithTheKeysInOrder() {
        List<EpochEvent> events = List.of(
                new EpochEvent(1, metrics("loss", 0.9, "accuracy", 0.5), 1000, 0.01, 0.2),
                new EpochEvent(2, metrics("loss", 0.7, "accuracy", 0.6), 1100, 0.01, 0.19),
                // A key appears later (a validation pass run only from here, say) and one is gone.
                new EpochEvent(3, metrics("loss", 0.6, "val_loss", 0.65), 1050, 0.005, 0.21),
                new EpochEvent(4, metrics("loss", Double.NaN, "accuracy", 0.7), 990, 0.005, 0.2));
        EpochHistory h = EpochHistory.of(events);
        assertEquals(events, h);
        assertEquals(events, new ArrayList<>(h));
        assertEquals(List.of("loss", "val_loss"), List.copyOf(h.get(2).metrics().keySet()));
        assertEquals(0.65, h.value(2, "val_loss"));
        assertTrue(Double.isNaN(h.value(1, "val_loss")), "a key an epoch does not have reads as NaN, as EpochEvent.get");
        assertTrue(Double.isNaN(h.value(3, "loss")));
        assertThrows(IndexOutOfBoundsException.class, () -> h.get(4));
    }

    @Test
    void growsPastItsFirstSizeAndFreezesWhenTheRunEnds() {
        EpochHistory h = new EpochHistory(2, 1);
        String[] keys = {"loss"};
        for (int e = 1; e <= 100; e++) {
            h.append(e, keys, new double[] {1.0 / e}, e, 0.1, 1);
        }
        assertEquals(100, h.size());
        assertEquals(new EpochEvent(77, metrics("loss", 1.0 / 77), 77, 0.1, 1), h.get(76));
        h.freeze();
        assertSame(h, EpochHistory.of(h), "a finished run's history is shared, not copied");
        assertThrows(IllegalStateException.class, () -> h.append(101, keys, new double[] {0}, 1, 1, 1));
    }

    @Test
    void aRunsResultHoldsWhatItsListenersWereShown() {
        Network net = Sequential.input(2).add(new Dense(8, "relu")).add(new Dense(3, "softmax")).build(3);
        List<EpochEvent> shown = new ArrayList<>();
        TrainingConfig cfg = new TrainingConfig(6, 16, OptimizerSpec.of("adam", 0.01), Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
                List.of(Metric.ACCURACY), 1, 0.25, true, null, null);
        TrainingResult r = new Trainer(net, cfg).addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochEvent event) {
                shown.add(event);
            }
        }).fit(TrainerBehaviourTest.blobs(40, 5));
        assertEquals(6, r.history().size());
        assertEquals(shown, r.history());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(r.last().metrics().keySet()));
        assertEquals(shown.get(5).get("val_accuracy"), r.last().get("val_accuracy"));
    }
}
