package org.layerlab.project;

import java.util.ArrayList;
import java.util.List;

import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingConfig;

/**
 * A LayerLab document in memory: its name, the network graph, how to train it, its data, and —
 * once trained — the weights and per-epoch history. Immutable except for the weights store, which
 * training fills.
 */
public record Project(String name, NetworkGraph graph, TrainingConfig training, DatasetSource dataset,
                      List<EpochEvent> history, ParameterStore weights) {
    public Project {
        history = List.copyOf(history == null ? List.of() : history);
    }

    public Project withGraph(NetworkGraph g) {
        return new Project(name, g, training, dataset, history, weights);
    }

    public Project withTraining(TrainingConfig t) {
        return new Project(name, graph, t, dataset, history, weights);
    }

    public Project withDataset(DatasetSource d) {
        return new Project(name, graph, training, d, history, weights);
    }

    /** After a run: the weights it trained and the history so far (appended to the earlier one). */
    public Project withResults(ParameterStore w, List<EpochEvent> newEpochs) {
        List<EpochEvent> all = new ArrayList<>(history);
        all.addAll(newEpochs);
        return new Project(name, graph, training, dataset, all, w);
    }

    public boolean isTrained() {
        return weights != null && !weights.all().isEmpty();
    }
}
