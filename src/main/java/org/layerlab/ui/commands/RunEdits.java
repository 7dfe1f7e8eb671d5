package org.layerlab.ui.commands;

import org.layerlab.nn.ParameterStore;
import org.layerlab.project.Project;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunLog;

/** Undoable changes to the record of runs: a name, a note, a deletion, and restoring a run into the editor. */
public final class RunEdits {
    private RunEdits() {
    }

    /** The record before and after (renamed, noted, a run deleted); nothing else of the document changes. */
    public record Change(String description, RunLog before, RunLog after) implements Command {
        @Override
        public Project apply(Project p) {
            return p.withRuns(after);
        }

        @Override
        public Project revert(Project p) {
            return p.withRuns(before);
        }
    }

    public static Command rename(RunLog log, Run r, String name) {
        return new Change("Rename run " + r.id(), log, log.replaced(r.withName(name)));
    }

    public static Command note(RunLog log, Run r, String note) {
        return new Change("Note on run " + r.id(), log, log.replaced(r.withNote(note)));
    }

    /**
     * Deleting a run: its folder goes at the next save. The run kept by undo must hold its weights
     * in memory, since its files may be gone by then; the caller passes it so (see
     * {@link org.layerlab.training.runs.Checkpoint#of}).
     */
    public static Command delete(RunLog log, java.util.List<Run> inMemory) {
        RunLog before = log;
        RunLog after = log;
        for (Run r : inMemory) {
            before = before.replaced(r);
            after = after.without(r.id());
        }
        return new Change(inMemory.size() == 1 ? "Delete run " + inMemory.get(0).id() : "Delete " + inMemory.size() + " runs",
                before, after);
    }

    /**
     * The editor as the run left it (or as it was at one of its checkpoints): its network,
     * settings, weights and curve (the data stays); undo brings back what the editor held before.
     */
    public record Restore(Run run, int epoch, ParameterStore weights, Project before) implements Command {
        @Override
        public String description() {
            return "Restore run " + run.id() + (epoch == run.epochs() ? "" : " at epoch " + epoch);
        }

        @Override
        public Project apply(Project p) {
            return p.restored(run, epoch, weights);
        }

        @Override
        public Project revert(Project p) {
            return new Project(p.name(), before.graph(), before.training(), p.dataset(), before.history(), before.weights(),
                    p.runs().withHead(before.runs().head()));
        }
    }
}
