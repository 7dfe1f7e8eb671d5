package org.layerlab.project.sweeps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.layerlab.project.LoadedData;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectSession;
import org.layerlab.project.SettingEdits;
import org.layerlab.training.TrainingListener;
import org.layerlab.training.TrainingResult;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunLog;

/**
 * Runs a sweep's trials one after another on the calling thread, each from fresh weights (the
 * project's seed) on data loaded once, each recorded as a run named after its sweep and numbered.
 * One at a time because each trial already uses both cores through the engine's pool: two at
 * once would halve each and share the caches, finishing no sooner. The document's own weights,
 * history and head run are untouched: trials only add runs.
 */
public final class SweepRunner {
    /**
     * One trial as it ended: its settings, its latest run (null if it could not start), the epochs
     * it trained in all, the metric, or why it failed.
     */
    public record Trial(int number, Map<String, String> settings, String runId, int epochs, double metric, String error) {
    }

    /** What a sweep did: the project with the trials' runs added, every trial, and whether it was cancelled. */
    public record Result(Project project, List<Trial> trials, boolean cancelled) {
        /** The best trial by the sweep's metric, or null when none finished. */
        public Trial best(Sweep sweep) {
            Trial best = null;
            for (Trial t : trials) {
                if (t.error() == null && !Double.isNaN(t.metric()) && (best == null
                        || (sweep.higherIsBetter() ? t.metric() > best.metric() : t.metric() < best.metric()))) {
                    best = t;
                }
            }
            return best;
        }
    }

    /** Told before and after each trial, on the sweep's thread. */
    public interface Progress {
        default void trialStarted(int number, int total, Map<String, String> settings) {
        }

        /** The trial ended; project holds its run (save it here and a cancelled sweep keeps every finished trial). */
        default void trialEnded(Trial trial, int total, Project project) {
        }

        /** Successive halving: a round begins, in which the best trials go on to more epochs. */
        default void roundStarted(int round, int trials, int epochs) {
        }

        /** Listeners for the trial's training (a progress line, a live chart). */
        default List<TrainingListener> listeners() {
            return List.of();
        }
    }

    private volatile boolean cancelled;
    private volatile ProjectSession current;

    /** Ends the sweep after the current trial's batch; the trials finished so far are kept. */
    public void cancel() {
        cancelled = true;
        ProjectSession s = current;
        if (s != null) {
            s.requestStop();
        }
    }

    public Result run(Project base, Path dir, LoadedData data, Sweep sweep, Progress progress) throws IOException {
        check(base, data, sweep);
        List<Map<String, String>> plan = sweep.trials();
        String label = "Sweep " + nextSweepNumber(base.runs());
        RunLog log = base.runs();
        List<Trial> trials = new ArrayList<>();
        Project document = base;
        for (int i = 0; i < plan.size() && !cancelled; i++) {
            Map<String, String> settings = plan.get(i);
            progress.trialStarted(i + 1, plan.size(), settings);
            Trial trial;
            try {
                Project t = fresh(base, log);
                for (Map.Entry<String, String> e : settings.entrySet()) {
                    t = SettingEdits.with(t, e.getKey(), e.getValue());
                }
                Step step = train(t.withTraining(t.training().withEpochs(sweep.epochs())), dir, data, sweep.epochs(),
                        progress, label + " · " + (i + 1) + "/" + plan.size(), describe(settings));
                log = step.log().withHead(base.runs().head());
                trial = new Trial(i + 1, settings, step.run().id(), sweep.epochs(), step.run().metric(sweep.metric()),
                        step.failure());
            } catch (IllegalArgumentException e) {
                // A combination the network or the settings refuse (units=0, a kernel larger than the image): the next one runs.
                trial = new Trial(i + 1, settings, null, 0, Double.NaN, e.getMessage());
            }
            trials.add(trial);
            document = base.withRuns(log);
            progress.trialEnded(trial, plan.size(), document);
        }
        if (sweep.halving() > 1) {
            document = halve(base, dir, data, sweep, progress, label, trials, document);
        }
        return new Result(document, trials, cancelled);
    }

    /**
     * Refuses before the first trial what would spoil every one: a setting the project does not
     * have, a metric its runs do not report.
     */
    public static void check(Project base, LoadedData data, Sweep sweep) {
        for (SweepParameter p : sweep.parameters()) {
            if (!SettingEdits.knows(base, p.key())) {
                throw new IllegalArgumentException(SettingEdits.unknownMessage(base, p.key()));
            }
        }
        List<String> reported = new ArrayList<>(List.of("loss"));
        base.training().metrics().forEach(m -> reported.add(m.key()));
        boolean validated = base.training().validationSplit() > 0 || data.test() != null;
        String m = sweep.metric();
        boolean known = reported.contains(m) || m.endsWith("_loss") && !m.startsWith("val_")
                || validated && m.startsWith("val_") && (reported.contains(m.substring(4)) || m.endsWith("_loss"));
        if (!known) {
            List<String> all = new ArrayList<>(reported);
            if (validated) {
                reported.forEach(r -> all.add("val_" + r));
            }
            throw new IllegalArgumentException("the trials would not report " + m + "; they report " + String.join(", ", all)
                    + (validated ? "" : " (no val_ metrics: the project has no test data and no validation split)"));
        }
    }

    /** A trial's training: its run (named, noted) in the log it joined, and why it failed, if it did. */
    private record Step(Run run, RunLog log, String failure) {
    }

    private Step train(Project t, Path dir, LoadedData data, int epochs, Progress progress, String name, String note)
            throws IOException {
        ProjectSession session = ProjectSession.open(t, dir, data.forNewRun());
        if (!session.errors().isEmpty()) {
            throw new IllegalArgumentException(session.errors().get(0));
        }
        String memory = session.memoryProblem();
        if (memory != null) {
            throw new IllegalArgumentException(memory);
        }
        current = session;
        try {
            ProjectSession.Outcome outcome = session.train(epochs, progress.listeners());
            RunLog after = outcome.project().runs();
            Run run = after.runs().get(after.runs().size() - 1).withName(name).withNote(note);
            return new Step(run, after.replaced(run), outcome.result().outcome() == TrainingResult.Outcome.FAILED
                    ? outcome.result().message() : null);
        } finally {
            current = null;
        }
    }

    /**
     * Successive halving: round after round the best 1/η of the trials still going (at least one
     * less than before) continue their runs until η times the epochs, the others stop; until one
     * is left. A continuation is its trial's run's child, so the table shows the rounds as branches.
     */
    private Project halve(Project base, Path dir, LoadedData data, Sweep sweep, Progress progress, String label,
                          List<Trial> trials, Project document) throws IOException {
        int eta = sweep.halving();
        Comparator<Trial> better = Comparator.comparingDouble(t -> sweep.higherIsBetter() ? -t.metric() : t.metric());
        List<Trial> alive = new ArrayList<>(trials.stream().filter(t -> t.error() == null && !Double.isNaN(t.metric()))
                .sorted(better).toList());
        RunLog log = document.runs();
        int epochs = sweep.epochs();
        for (int round = 1; alive.size() > 1 && !cancelled; round++) {
            int keep = Math.max(1, Math.min(alive.size() - 1, alive.size() / eta));
            alive = new ArrayList<>(alive.subList(0, keep));
            int next = epochs * eta;
            progress.roundStarted(round, keep, next);
            List<Trial> advanced = new ArrayList<>();
            for (Trial t : alive) {
                if (cancelled) {
                    break;
                }
                Run parent = log.find(t.runId()).orElseThrow();
                progress.trialStarted(t.number(), trials.size(), t.settings());
                Trial after;
                try {
                    Project from = base.withRuns(log).restored(parent, parent.last().load());
                    Step step = train(from, dir, data, next - epochs, progress, label + " · " + t.number() + "/"
                            + trials.size() + " · round " + (round + 1), describe(t.settings()) + " (to " + next + " epochs)");
                    log = step.log().withHead(base.runs().head());
                    after = new Trial(t.number(), t.settings(), step.run().id(), next, step.run().metric(sweep.metric()),
                            step.failure());
                } catch (IllegalArgumentException | IOException e) {
                    after = new Trial(t.number(), t.settings(), t.runId(), t.epochs(), t.metric(), e.getMessage());
                }
                trials.set(trials.indexOf(t), after);
                advanced.add(after);
                document = base.withRuns(log);
                progress.trialEnded(after, trials.size(), document);
            }
            alive = new ArrayList<>(advanced.stream().filter(t -> t.error() == null && !Double.isNaN(t.metric()))
                    .sorted(better).toList());
            epochs = next;
        }
        return document;
    }

    /** The document as a trial starts it: fresh weights, no history, no head run. */
    private static Project fresh(Project base, RunLog log) {
        return new Project(base.name(), base.graph(), base.training(), base.dataset(), List.of(), null, log.withHead(null));
    }

    /** "learning_rate=0.001 dense_1.units=64". */
    public static String describe(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static int nextSweepNumber(RunLog log) {
        int max = 0;
        for (Run r : log.runs()) {
            if (r.name().startsWith("Sweep ")) {
                String n = r.name().substring(6).split(" ")[0];
                try {
                    max = Math.max(max, Integer.parseInt(n));
                } catch (NumberFormatException e) {
                    // A run a person named "Sweep ..." themselves.
                }
            }
        }
        return max + 1;
    }
}
