package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.ConfusionMatrix;
import org.layerlab.training.HealthSnapshot;
import org.layerlab.training.Snapshot;

/** A tab's snapshot state without a window: shown when drawing is allowed, held while Live views are off. */
class SnapshotModelTest {
    private static CoalescingFeed.Delivery with(Snapshot... s) {
        Map<Class<? extends Snapshot>, Snapshot> m = new HashMap<>();
        for (Snapshot x : s) {
            m.put(x.getClass(), x);
        }
        return new CoalescingFeed.Delivery(List.of(), m);
    }

    @Test
    void showsTheNewestAtOnceWhenDrawingAndHoldsItOtherwise() {
        List<Long> shown = new ArrayList<>();
        SnapshotModel<ConfusionMatrix> m = new SnapshotModel<>(ConfusionMatrix.class, c -> shown.add(c.step()));
        m.deliver(with(new ConfusionMatrix(1, List.of("a", "b"), new long[4])), true);
        assertEquals(List.of(1L), shown);
        m.deliver(with(new ConfusionMatrix(2, List.of("a", "b"), new long[4])), false);
        m.deliver(with(new ConfusionMatrix(3, List.of("a", "b"), new long[4])), false);
        assertEquals(List.of(1L), shown, "views off: nothing drawn");
        assertTrue(m.holding());
        m.catchUp();
        assertEquals(List.of(1L, 3L), shown, "views on again: only the newest is drawn");
        m.catchUp();
        assertEquals(List.of(1L, 3L), shown, "and only once");
        assertFalse(m.holding());
    }

    @Test
    void ignoresOtherKindsAndForgetsOnClear() {
        List<Long> shown = new ArrayList<>();
        SnapshotModel<ConfusionMatrix> m = new SnapshotModel<>(ConfusionMatrix.class, c -> shown.add(c.step()));
        m.deliver(with(new HealthSnapshot(5, List.of(), false, 0.5)), true);
        assertEquals(List.of(), shown);
        m.deliver(with(new ConfusionMatrix(6, List.of("a", "b"), new long[4])), false);
        m.clear();
        m.catchUp();
        assertEquals(List.of(), shown, "a new run does not show the last run's matrix");
        assertEquals(null, m.latest());
    }
}
