package org.layerlab.ui.dashboard;

import javafx.animation.AnimationTimer;
import org.layerlab.training.CpuShares;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingSession;

/**
 * How responsive the window stays during a run: the longest gap between JavaFX frames and the
 * longest update of the views. With reporting on (the window's {@code --report}), each pause
 * over 40 ms, each epoch's speed and where the processor time went ({@link CpuShares}) are
 * printed to standard output, for measuring.
 */
final class PauseWatch {
    private static final long NOTABLE_NANOS = 40_000_000L;
    private boolean report;
    private final CpuShares cpu = new CpuShares(TrainingSession.THREAD_NAME);
    private long longestPause;
    private long longestUpdate;
    private final AnimationTimer frames = new AnimationTimer() {
        private long last;
        private long first;

        @Override
        public void handle(long now) {
            if (last != 0) {
                longestPause = Math.max(longestPause, now - last);
                if (report && now - last > NOTABLE_NANOS) {
                    System.out.printf("window pause of %.0f ms, %.1f s into the run%n", (now - last) / 1e6, (now - first) / 1e9);
                }
            } else {
                first = now;
            }
            last = now;
        }

        @Override
        public void start() {
            last = 0;
            longestPause = 0;
            longestUpdate = 0;
            super.start();
        }
    };

    void setReport(boolean on) {
        report = on;
    }

    void start() {
        if (report) {
            cpu.start();
        }
        frames.start();
    }

    void stop() {
        frames.stop();
    }

    /** Runs one update of the views, timing it. */
    void timeUpdate(Runnable update) {
        long began = System.nanoTime();
        try {
            update.run();
        } finally {
            longestUpdate = Math.max(longestUpdate, System.nanoTime() - began);
        }
    }

    void epochEnded(EpochEvent e) {
        if (report) {
            System.out.printf("window epoch %d: %,.0f samples/s, longest pause so far %.0f ms"
                    + " (longest update of the views %.0f ms)%n", e.epoch(), e.samplesPerSecond(),
                    longestPause / 1e6, longestUpdate / 1e6);
            System.out.println("window epoch " + e.epoch() + " " + cpu.report());
        }
    }

    double longestPauseMillis() {
        return longestPause / 1e6;
    }
}
