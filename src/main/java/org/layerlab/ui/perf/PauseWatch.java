package org.layerlab.ui.perf;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingSession;
import org.layerlab.training.perf.CpuShares;

/**
 * How responsive the window stays during a run: the longest the JavaFX thread could not run a
 * task, and the longest update of the views. With reporting on (the window's {@code --report}),
 * each pause over 40 ms, each epoch's speed and where the processor time went ({@link CpuShares})
 * are printed to standard output, for measuring.
 *
 * <p>A heartbeat thread posts a task to the JavaFX thread every 10 ms (one at a time); a pause
 * is the gap between two of them running, so it counts both the JavaFX thread kept busy and the
 * whole process stopped (a garbage collection stops the heartbeat too, so the wait of a single
 * task would miss it). Watching costs about 1% of a core (heartbeats, or the 60 frames a second
 * an AnimationTimer asked for before), so only a run that reports is watched: what is measured
 * then includes the watching, and a person's run does not pay for it.
 */
public final class PauseWatch {
    private static final long NOTABLE_NANOS = 40_000_000L;
    /** Heartbeats this far apart see a pause to within as much. */
    private static final long BEAT_MILLIS = 10;
    private final Consumer<Runnable> fxThread;
    private volatile boolean report;
    private final CpuShares cpu = new CpuShares(TrainingSession.THREAD_NAME);
    private final AtomicBoolean waiting = new AtomicBoolean();
    private ScheduledExecutorService beats;
    private long started;
    private long lastRan;
    private long longestPause;
    private long longestUpdate;

    /** fxThread runs a task on the JavaFX thread: {@code Platform::runLater}. */
    public PauseWatch(Consumer<Runnable> fxThread) {
        this.fxThread = fxThread;
    }

    public void setReport(boolean on) {
        report = on;
    }

    /** Starts watching a run, from the JavaFX thread; without reporting, watching is left out. */
    public void start() {
        stop();
        if (!report) {
            return;
        }
        cpu.start();
        longestPause = 0;
        longestUpdate = 0;
        started = System.nanoTime();
        lastRan = started;
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "layerlab-pause-watch");
            t.setDaemon(true);
            return t;
        });
        beats.scheduleAtFixedRate(this::beat, BEAT_MILLIS, BEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (beats != null) {
            beats.shutdownNow();
            beats = null;
        }
        waiting.set(false);
    }

    /** On the heartbeat thread: posts the next task unless the last one still waits (its wait is the pause). */
    private void beat() {
        if (waiting.compareAndSet(false, true)) {
            fxThread.accept(this::ran);
        }
    }

    private void ran() {
        long now = System.nanoTime();
        waiting.set(false);
        if (beats == null) {
            return;
        }
        long pause = now - lastRan;
        lastRan = now;
        longestPause = Math.max(longestPause, pause);
        if (pause > NOTABLE_NANOS) {
            // The JVM's uptime lines it up with -Xlog's [uptime] (garbage collections, safepoints).
            System.out.printf("window pause of %.0f ms, %.1f s into the run (JVM uptime %.3f s)%n", pause / 1e6,
                    (now - pause - started) / 1e9, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        }
    }

    /** Runs one update of the views, timing it. */
    public void timeUpdate(Runnable update) {
        long began = System.nanoTime();
        try {
            update.run();
        } finally {
            longestUpdate = Math.max(longestUpdate, System.nanoTime() - began);
        }
    }

    public void epochEnded(EpochEvent e) {
        if (report) {
            System.out.printf("window epoch %d: %,.0f samples/s, longest pause so far %.0f ms"
                    + " (longest update of the views %.0f ms)%n", e.epoch(), e.samplesPerSecond(),
                    longestPause / 1e6, longestUpdate / 1e6);
            System.out.println("window epoch " + e.epoch() + " " + cpu.report());
        }
    }

    /** The longest the JavaFX thread went without running a task since the run started (if reporting). */
    public double longestPauseMillis() {
        return longestPause / 1e6;
    }
}
