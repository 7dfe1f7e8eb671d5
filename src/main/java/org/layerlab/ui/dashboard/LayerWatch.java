package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.SetChangeListener;
import javafx.scene.control.ChoiceBox;
import org.layerlab.nn.graph.NodeInfo;
import org.layerlab.project.Project;
import org.layerlab.training.TrainingSession;
import org.layerlab.training.WeightSnapshot;
import org.layerlab.ui.model.EditorModel;

/**
 * Which layer the Weights and Histograms tabs show, kept in step both ways with the canvas
 * selection and the tab's layer choice. During a run the session copies that layer's weights;
 * otherwise the view shows the project's trained weights of it, so every layer of a trained
 * network can be looked at after the run and after reopening.
 */
final class LayerWatch {
    private final EditorModel model;
    private final DashboardView view;
    private TrainingSession session;
    private String shown;
    private boolean syncing;

    LayerWatch(EditorModel model, DashboardView view) {
        this.model = model;
        this.view = view;
        model.analysisProperty().addListener((o, a, b) -> {
            offerLayers();
            update();
        });
        model.selection().addListener((SetChangeListener<String>) c -> update());
        view.weightLayer.valueProperty().addListener((o, a, b) -> {
            // Only a choice the user made selects; following the canvas must not select for it.
            if (b != null && !syncing && !b.equals(selected())) {
                model.select(List.of(b));
            }
        });
        view.weightScale.valueProperty().addListener((o, a, b) -> showStored());
        offerLayers();
        update();
    }

    /** The tab's choice lists the layers with weights, keeping its value if still there. */
    private void offerLayers() {
        List<String> ids = layersWithWeights();
        ChoiceBox<String> choice = view.weightLayer;
        if (!ids.equals(choice.getItems())) {
            String current = choice.getValue();
            syncing = true;
            choice.getItems().setAll(ids);
            choice.setValue(ids.contains(current) ? current : null);
            syncing = false;
        }
    }

    /** A run started: from now on its session copies the watched layer. */
    void runStarted(TrainingSession s) {
        session = s;
        shown = null;
        update();
    }

    /**
     * The run ended (its weights are now the project's): show them, and give the histograms the
     * final step's distribution (the run's copies come at the dashboard's pace, so the last one
     * may be some steps before the end).
     */
    void runEnded(long finalStep) {
        session = null;
        shown = null;
        update();
        Project p = model.project();
        if (shown != null && p.isTrained()) {
            WeightSnapshot last = WeightSnapshot.of(shown, finalStep, p.weights().all(), false);
            if (last != null && !last.params().isEmpty()) {
                view.histograms.addFinal(last);
            }
        }
    }

    /** The project was replaced (opened, trained, reset): show its weights. */
    void projectChanged() {
        if (session == null) {
            shown = null;
            update();
        }
    }

    private String selected() {
        return model.selection().size() == 1 ? model.selection().iterator().next() : null;
    }

    private List<String> layersWithWeights() {
        List<String> ids = new ArrayList<>();
        List<String> order = model.graph().topologicalOrder().orElse(List.copyOf(
                model.graph().nodes().stream().map(n -> n.id()).toList()));
        for (String id : order) {
            NodeInfo info = model.analysis().info(id);
            if (info != null && info.params() > 0) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The selected layer when it has weights, else (nothing selected) the first that has. */
    private void update() {
        List<String> layers = view.weightLayer.getItems();
        String sel = selected();
        String id = sel != null && layers.contains(sel) ? sel : sel == null && !layers.isEmpty() ? layers.get(0) : null;
        if (id != null && !id.equals(view.weightLayer.getValue())) {
            syncing = true;
            view.weightLayer.setValue(id);
            syncing = false;
        }
        if (id == null) {
            view.weights.setPlaceholder(sel == null ? "This network has no layer with weights yet."
                    : sel + " has no weights: select a Dense, Conv2D or normalization layer.");
            shown = null;
            if (session != null) {
                session.watch(null);
            }
            return;
        }
        if (id.equals(shown)) {
            return;
        }
        shown = id;
        if (session != null) {
            session.watch(id);
        } else {
            showStored();
        }
    }

    /** The project's trained weights of the shown layer; a hint before the first run. */
    private void showStored() {
        if (session != null || shown == null) {
            return;
        }
        Project p = model.project();
        WeightSnapshot s = p.isTrained() ? WeightSnapshot.of(shown, -1, p.weights().all(), true) : null;
        if (s == null) {
            view.weights.setPlaceholder("Press Train to see the weights of " + shown + " change as it learns.");
        } else {
            view.weights.show(s);
        }
    }
}
