package org.layerlab.ui.dashboard;

import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.TrainingSession;
import org.layerlab.ui.common.Later;

/**
 * The "Live views" switch. Off, the run goes on while the views stand still: the progress line
 * moves every 2 s, the run copies nothing for them, and the processor time drawing would take
 * goes to training (on a small machine that renders in software, a few percent). On again, the
 * views catch up at once; curves lose no point. With reporting on, each stretch of on or off
 * prints its training speed: alternating the two in one process is how the dashboard's cost is
 * measured on a machine whose speed drifts more than that cost (bench/views-on-off.sh).
 */
final class LiveViews {
    private final DashboardView view;
    private final Runnable caughtUp;
    private TrainingSession session;
    private CoalescingFeed feed;
    private boolean report;
    private long phaseStartNanos;
    private long phaseStartSteps;

    /** caughtUp: redraws the views and asks the run for the copies the open tab shows. */
    LiveViews(DashboardView view, Runnable caughtUp) {
        this.view = view;
        this.caughtUp = caughtUp;
        view.live.selectedProperty().addListener((o, a, on) -> switched(on));
    }

    boolean on() {
        return view.live.isSelected();
    }

    void setReport(boolean on) {
        report = on;
    }

    void runStarted(TrainingSession s, CoalescingFeed f) {
        session = s;
        feed = f;
        f.setQuiet(!on());
        startPhase();
        sayPaused(!on());
    }

    void runEnded() {
        endPhase(on());
        view.tabs().forEach(DashboardTab::catchUp);
        session = null;
        feed = null;
        sayPaused(false);
    }

    /** A chart still empty says why while the views are off: the run is going, it is not waiting for Train. */
    private void sayPaused(boolean paused) {
        String text = paused ? "Live views are off: tick them to draw the run." : PlotView.NO_DATA;
        view.loss.setEmptyText(text);
        view.accuracy.setEmptyText(text);
    }

    /** Whether the delivery's views may draw: the views are on, or the run is over. */
    boolean drawing() {
        return on() || session == null;
    }

    private void switched(boolean on) {
        if (session == null) {
            return;
        }
        endPhase(!on);
        startPhase();
        feed.setQuiet(!on);
        sayPaused(!on);
        if (on) {
            view.tabs().forEach(DashboardTab::catchUp);
            view.loss.changed();
            view.accuracy.changed();
        }
        caughtUp.run();
    }

    private void startPhase() {
        phaseStartNanos = System.nanoTime();
        phaseStartSteps = session.steps();
    }

    private void endPhase(boolean wasOn) {
        if (!report || session == null) {
            return;
        }
        double seconds = (System.nanoTime() - phaseStartNanos) / 1e9;
        long steps = session.steps() - phaseStartSteps;
        System.out.printf("views %s for %.1f s: %,.1f steps/s%n", wasOn ? "on" : "off", seconds, steps / seconds);
    }

    /**
     * Turns the views off and on every so many seconds until the window closes (for measuring;
     * timed by {@link Later}, which asks for no frames while it waits).
     */
    void alternateEvery(double seconds) {
        Later.run(seconds, () -> {
            view.live.setSelected(!view.live.isSelected());
            alternateEvery(seconds);
        });
    }
}
