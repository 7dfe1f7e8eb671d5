package org.layerlab.ui.dashboard;

import javafx.scene.Node;
import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.Snapshot;

/**
 * One tab of the dashboard: a view that draws and owns no data, and the state behind it (a
 * view-model such as {@link SnapshotModel} or {@link Curves}, testable without a window).
 * {@link DashboardTabs} lists them; registering a tab is one entry there. The calls come on the
 * JavaFX thread; see docs/decisions/0005-seams.md for how to add one.
 */
interface DashboardTab {
    /** The node id of the tab, for tests and the window's {@code --tab}: "tab-loss". */
    String id();

    String title();

    /** The tab's content, built once. */
    Node content();

    /** The canvas the tab draws on (for Export ▸ PNG, the theme and redrawing a stale view), or null. */
    default CanvasView canvas() {
        return null;
    }

    /** What a run must copy between batches while this tab is open; the others cost training for nothing. */
    default RunWants wants() {
        return RunWants.NOTHING;
    }

    /** A run starts: forget the last run's state. */
    default void runStarted() {
    }

    /**
     * What a delivery brought. Keep it; draw only when {@code draw} (Live views on, or no run
     * going), so switching the views off costs the run nothing here.
     */
    default void deliver(CoalescingFeed.Delivery d, boolean draw) {
    }

    /** A snapshot from saved weights (a reopened project): shown if it is this tab's kind. */
    default void showSaved(Snapshot s) {
    }

    /** Live views are on again: draw what was kept meanwhile. */
    default void catchUp() {
    }

    /** The tab was opened: bring a view that was not drawn while hidden up to date. */
    default void shown() {
        CanvasView c = canvas();
        if (c != null) {
            c.drawIfStale();
        }
    }

    /** Theme change: views that paint their own colours follow it. */
    default void setDark(boolean dark) {
        CanvasView c = canvas();
        if (c != null) {
            c.setDark(dark);
        }
    }
}
