package org.layerlab.ui.dashboard;

/** How often the dashboard takes in a run's events: the window's pace, which the training side does not know. */
final class DashboardPace {
    /**
     * 2.5 deliveries a second. Each delivery makes JavaFX lay out and render a frame, which under
     * software rendering costs CPU the training threads need (measured on 2 cores with Monocle's
     * software pipeline: 25 Hz cost ~40% of CNN training speed; 10 to 5 Hz took the window's
     * threads from 7.1% to 5.1% of a core in session 4; in session 5, 5 to 2.5 Hz took them from
     * 7.3% to 4.6%). Numbers that change 2.5 times a second are still easy to read, and curves
     * stay current.
     */
    static final long DELIVERY_NANOS = 400_000_000L;

    /**
     * The pace while Live views are off: the progress line still moves, and the queue of batch
     * events stays short (a fast network makes thousands a second).
     */
    static final long QUIET_NANOS = 2_000_000_000L;

    private DashboardPace() {
    }
}
