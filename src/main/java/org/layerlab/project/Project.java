package org.layerlab.project;

import java.util.ArrayList;
import java.util.List;

import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.runs.Checkpoint;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunLog;

/**
 * A LayerLab document in memory: its name, the network graph, how to train it, its data, and —
 * once trained — the weights and per-epoch history, and the record of its runs. Immutable except for the weights store, which
 * training fills.
 */
public record Project(String name, NetworkGraph graph, TrainingConfig training, DatasetSource dataset,
                      List<EpochEvent> history, ParameterStore weights, RunLog runs) {
    public Project {
        history = List.copyOf(history == null ? List.of() : history);
        runs = runs == null ? RunLog.EMPTY : runs;
    }

    /** A project without a record of runs (new, or from a test). */
    public Project(String name, NetworkGraph graph, TrainingConfig training, DatasetSource dataset,
                   List<EpochEvent> history, ParameterStore weights) {
        this(name, graph, training, dataset, history, weights, RunLog.EMPTY);
    }

    public Project withGraph(NetworkGraph g) {
        return new Project(name, g, training, dataset, history, weights, runs);
    }

    public Project withTraining(TrainingConfig t) {
        return new Project(name, graph, t, dataset, history, weights, runs);
    }

    public Project withDataset(DatasetSource d) {
        return new Project(name, graph, training, d, history, weights, runs);
    }

    /**
     * Weights from elsewhere (imported, or null: reset to fresh) with the history that goes with
     * them: no recorded run made them, so the next run starts no branch of the tree. Runs are kept.
     */
    public Project withOutsideWeights(ParameterStore w, List<EpochEvent> h) {
        return new Project(name, graph, training, dataset, h, w, runs.withHead(null));
    }

    /**
     * The head run's checkpoint at the point the document is at (the run's end, or a checkpoint
     * restored), or null: where the optimizer's state that goes with these weights is kept.
     */
    public Checkpoint headCheckpoint() {
        Run run = runs.head() == null || weights == null ? null : runs.find(runs.head()).orElse(null);
        if (run == null) {
            return null;
        }
        // The document's history is the run's lineage up to where it is.
        int at = history.size() - (runs.lineage(run).size() - run.epochs());
        return run.checkpoints().stream().filter(c -> c.epoch() == at).findFirst().orElse(null);
    }

    public Project withRuns(RunLog r) {
        return new Project(name, graph, training, dataset, history, weights, r);
    }

    /**
     * The document as the run left it: its network, settings, weights and the curve that led to
     * them; the run becomes the head, so the next Train continues it. Data stays as it is.
     */
    public Project restored(Run run, ParameterStore w) {
        return restored(run, run.epochs(), w);
    }

    /**
     * The document at one of the run's checkpoints (after epoch of its own epochs): the next Train
     * forks a branch from there, with the optimizer's state the checkpoint kept.
     */
    public Project restored(Run run, int epoch, ParameterStore w) {
        List<EpochEvent> line = runs.lineage(run);
        int keep = Math.min(line.size(), Math.max(0, line.size() - run.epochs() + epoch));
        return new Project(name, run.graph(), run.config(), dataset, line.subList(0, keep), w, runs.withHead(run.id()));
    }

    /** The most epochs of history a project keeps: about 2 MB of JSON, so a project always reopens. */
    public static final int MAX_HISTORY = 10_000;
    /** The newest epochs are never thinned: the end of training is what a user looks at most. */
    static final int RECENT_HISTORY = 1_000;

    /**
     * After a run: the weights it trained and the history so far (appended to the earlier one).
     * Past {@link #MAX_HISTORY} epochs, every other of the older ones is dropped (again as often as
     * needed): a long history keeps its shape at a coarser step, each epoch keeps its number.
     */
    public Project withResults(ParameterStore w, List<EpochEvent> newEpochs) {
        List<EpochEvent> all = new ArrayList<>(history);
        all.addAll(newEpochs);
        return new Project(name, graph, training, dataset, boundedHistory(all), w, runs);
    }

    /** The epochs to keep of a history: all of them up to {@link #MAX_HISTORY}, else thinned as {@link #withResults} says. */
    static List<EpochEvent> boundedHistory(List<EpochEvent> epochs) {
        List<EpochEvent> all = epochs;
        while (all.size() > MAX_HISTORY) {
            int older = all.size() - RECENT_HISTORY;
            List<EpochEvent> thinned = new ArrayList<>(MAX_HISTORY);
            for (int i = 0; i < older; i++) {
                // The first epoch stays, so the curve still starts where training started.
                if (i % 2 == 0) {
                    thinned.add(all.get(i));
                }
            }
            thinned.addAll(all.subList(older, all.size()));
            all = thinned;
        }
        return all;
    }

    public boolean isTrained() {
        return weights != null && !weights.all().isEmpty();
    }
}
