package org.layerlab.ui.dashboard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import javafx.application.Platform;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectException;
import org.layerlab.project.ProjectSession;
import org.layerlab.project.sweeps.Sweep;
import org.layerlab.project.sweeps.SweepRunner;
import org.layerlab.training.runs.Run;

/**
 * A sweep started from the window: its trials run on a thread of their own ("layerlab-sweep")
 * on data loaded once, and each finished trial's run is handed to the window (on the JavaFX
 * thread) as it ends, with the progress and an estimate of the time left. Cancel stops the
 * trial in progress after its batch; the finished ones stay.
 */
final class SweepJob {
    /** What the window does with the sweep's news, on the JavaFX thread. */
    interface Host {
        void trialEnded(Run run);

        void progress(String text, double fraction);

        void finished(String text);
    }

    private final SweepRunner runner = new SweepRunner();
    private final Thread thread;
    private volatile boolean done;

    SweepJob(Project project, Path dir, Sweep sweep, Host host) {
        thread = new Thread(() -> run(project, dir, sweep, host), "layerlab-sweep");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void cancel() {
        runner.cancel();
    }

    boolean isDone() {
        return done;
    }

    /** Waits for the sweep to end (tests). */
    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    private void run(Project project, Path dir, Sweep sweep, Host host) {
        Consumer<Runnable> fx = Platform::runLater;
        long started = System.nanoTime();
        String end;
        try {
            ProjectSession session = ProjectSession.open(project, dir);
            int total = sweep.trials().size();
            SweepRunner.Result r = runner.run(project, dir, session.data(), sweep, new SweepRunner.Progress() {
                @Override
                public void trialStarted(int number, int of, Map<String, String> settings) {
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    String left = number == 1 ? "" : " · about " + duration(elapsed / (number - 1) * (of - number + 1)) + " left";
                    String text = "Sweep: trial " + number + "/" + of + " (" + SweepRunner.describe(settings) + ")" + left;
                    fx.accept(() -> host.progress(text, (number - 1) / (double) of));
                }

                @Override
                public void roundStarted(int round, int trials, int epochs) {
                    String text = "Sweep: round " + (round + 1) + ", the best " + trials + " go on to " + epochs + " epochs";
                    fx.accept(() -> host.progress(text, 1));
                }

                @Override
                public void trialEnded(SweepRunner.Trial t, int of, Project p) {
                    Run run = t.runId() == null ? null : p.runs().find(t.runId()).orElse(null);
                    if (run != null) {
                        fx.accept(() -> host.trialEnded(run));
                    }
                }
            });
            SweepRunner.Trial best = r.best(sweep);
            long failed = r.trials().stream().filter(t -> t.error() != null).count();
            end = (r.cancelled() ? "Sweep cancelled after " : "Sweep done: ") + r.trials().size() + " of " + total
                    + " trials in " + duration((System.nanoTime() - started) / 1e9)
                    + (failed > 0 ? ", " + failed + " failed (" + firstError(r) + ")" : "")
                    + (best == null ? "" : "; best " + best.runId() + ", " + sweep.metric() + " "
                    + PlotView.format(best.metric()) + " (" + SweepRunner.describe(best.settings()) + ")");
        } catch (IOException | ProjectException | RuntimeException e) {
            end = "The sweep stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
        done = true;
        String text = end;
        fx.accept(() -> host.finished(text));
    }

    private static String firstError(SweepRunner.Result r) {
        return r.trials().stream().filter(t -> t.error() != null).map(SweepRunner.Trial::error).findFirst().orElse("");
    }

    static String duration(double seconds) {
        return seconds < 90 ? Math.round(seconds) + " s" : Math.round(seconds / 60) + " min";
    }
}
