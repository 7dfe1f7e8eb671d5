package org.layerlab.training.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingConfig;

/**
 * One press of Train (or one `train`, one sweep trial): what trained, on what, how it went.
 * <p>
 * {@code parent} is the run whose final weights this one started from (null: fresh weights), and
 * {@code startEpoch} the epochs of its lineage before it, so its curve continues from there and
 * runs form a tree. {@code settings} is the flat view of the configuration and the network
 * ("learning_rate" → "0.001", "dense_1.units" → "64") that tables, diffs and sweeps compare.
 * {@code uid} tells this run's folder from another project's run of the same id.
 */
public record Run(String id, String uid, String name, String note, Instant started, String parent, int startEpoch,
                  String outcome, NetworkGraph graph, String graphHash, String summary, TrainingConfig config,
                  DataFingerprint data, Map<String, String> settings, List<EpochEvent> history,
                  List<Checkpoint> checkpoints) {
    public Run {
        note = note == null ? "" : note;
        settings = Map.copyOf(settings);
        history = List.copyOf(history);
        checkpoints = List.copyOf(checkpoints);
    }

    public Run withName(String n) {
        return new Run(id, uid, n, note, started, parent, startEpoch, outcome, graph, graphHash, summary, config, data,
                settings, history, checkpoints);
    }

    public Run withNote(String n) {
        return new Run(id, uid, name, n, started, parent, startEpoch, outcome, graph, graphHash, summary, config, data,
                settings, history, checkpoints);
    }

    /** The metrics of its last epoch (empty when it ended before one). */
    public Map<String, Double> finalMetrics() {
        return history.isEmpty() ? Map.of() : history.get(history.size() - 1).metrics();
    }

    public double metric(String key) {
        Double v = finalMetrics().get(key);
        return v == null ? Double.NaN : v;
    }

    /** The epochs it trained. */
    public int epochs() {
        return history.size();
    }

    /** The weights it ended with, or null (a run that failed before its first step keeps none). */
    public Checkpoint last() {
        return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
    }
}
