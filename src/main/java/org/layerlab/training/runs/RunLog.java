package org.layerlab.training.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.layerlab.training.EpochEvent;

/**
 * A project's runs in the order they started, which run the document's weights came from
 * ({@code head}, null when they are fresh), and what could not be read when the runs were loaded
 * (a damaged run folder is left out and named here, never a reason not to open the project).
 */
public record RunLog(List<Run> runs, String head, List<String> problems) {
    public static final RunLog EMPTY = new RunLog(List.of(), null, List.of());

    public RunLog {
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    public Optional<Run> find(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The id the next run gets: "r" and one more than the highest number so far (never reused). */
    public String nextId() {
        int max = 0;
        for (Run r : runs) {
            max = Math.max(max, number(r.id()));
        }
        return "r" + (max + 1);
    }

    static int number(String id) {
        try {
            return Integer.parseInt(id.substring(1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return 0;
        }
    }

    /** With a new run, which becomes the head: the document now holds its weights. */
    public RunLog with(Run r) {
        List<Run> all = new ArrayList<>(runs);
        all.add(r);
        return new RunLog(all, r.id(), problems);
    }

    /** With a run added that does not change what the document holds (a sweep's trial): the head stays. */
    public RunLog appended(Run r) {
        List<Run> all = new ArrayList<>(runs);
        all.add(r);
        return new RunLog(all, head, problems);
    }

    /** With a run changed in place (renamed, a note). */
    public RunLog replaced(Run r) {
        List<Run> all = new ArrayList<>(runs);
        all.replaceAll(x -> x.id().equals(r.id()) ? r : x);
        return new RunLog(all, head, problems);
    }

    /**
     * Without a run. Its children keep their curves; they now start from no recorded run (their
     * parent id still names it, and lineage stops there).
     */
    public RunLog without(String id) {
        List<Run> all = new ArrayList<>(runs);
        all.removeIf(x -> x.id().equals(id));
        return new RunLog(all, id.equals(head) ? null : head, problems);
    }

    /** The document's weights are now this run's (restored), or fresh (null). */
    public RunLog withHead(String id) {
        return new RunLog(runs, id, problems);
    }

    public RunLog withProblems(List<String> p) {
        return new RunLog(runs, head, p);
    }

    /**
     * The run's history preceded by its ancestors' up to where each child started: the curve of
     * the weights it ended with, from their first epoch. Epochs are renumbered along the line.
     */
    public List<EpochEvent> lineage(Run run) {
        List<Run> line = new ArrayList<>();
        for (Run r = run; r != null; r = r.parent() == null ? null : find(r.parent()).orElse(null)) {
            if (line.contains(r)) {
                break; // a damaged file could name a cycle
            }
            line.add(0, r);
        }
        List<EpochEvent> out = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            Run r = line.get(i);
            int keep = i + 1 < line.size() ? Math.max(0, line.get(i + 1).startEpoch() - r.startEpoch()) : r.epochs();
            List<EpochEvent> h = r.history();
            for (int e = 0; e < Math.min(keep, h.size()); e++) {
                EpochEvent x = h.get(e);
                out.add(new EpochEvent(out.size() + 1, x.metrics(), x.samplesPerSecond(), x.learningRate(), x.seconds()));
            }
        }
        return out;
    }

    /**
     * Settings in which run differs from the run before it in the log (the first run: none), for
     * the table's highlight: "learning_rate", "dense_1.units".
     */
    public List<String> changedSincePrevious(Run run) {
        int i = runs.indexOf(run);
        if (i <= 0) {
            return List.of();
        }
        return RunDiff.of(runs.get(i - 1), run).changedKeys();
    }
}
