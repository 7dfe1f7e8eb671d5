package org.layerlab.ui.dashboard;

import java.util.function.Consumer;

import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.Snapshot;

/**
 * The view-model of a tab that shows the newest snapshot of one kind: it keeps the newest one a
 * run delivered, hands it to the view when drawing is allowed, and holds it while Live views are
 * off so the view can catch up when they come back. No JavaFX here: tested without a window.
 */
final class SnapshotModel<T extends Snapshot> {
    private final Class<T> kind;
    private final Consumer<T> view;
    private T latest;
    private boolean shown;

    /** view draws a snapshot; it is called only with ones this model decided to show. */
    SnapshotModel(Class<T> kind, Consumer<T> view) {
        this.kind = kind;
        this.view = view;
    }

    void deliver(CoalescingFeed.Delivery d, boolean draw) {
        T s = d.latest(kind);
        if (s != null) {
            latest = s;
            shown = false;
        }
        if (draw) {
            catchUp();
        }
    }

    /** Shows the kept snapshot if the view has not had it yet. */
    void catchUp() {
        if (latest != null && !shown) {
            view.accept(latest);
            shown = true;
        }
    }

    void clear() {
        latest = null;
        shown = false;
    }

    /** The newest snapshot delivered (shown or held), or null. */
    T latest() {
        return latest;
    }

    /** Whether a delivered snapshot waits for the views to come back on. */
    boolean holding() {
        return latest != null && !shown;
    }
}
