package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.layerlab.training.HealthSnapshot;
import org.layerlab.training.LayerHealth;

/**
 * Training health per layer: weight and gradient norms, update/weight ratio, dead ReLU units,
 * with plain-words warnings (vanishing or exploding gradients, too large steps, many dead units,
 * validation loss rising while training loss falls).
 *
 * <p>The labels are made once per layer and then only change text: creating them anew on each
 * snapshot cost the JavaFX thread a style and layout pass over every one, tens of ms per update
 * while training kept both cores busy.
 */
final class HealthView extends VBox {
    private static final String[] HEAD = {"layer", "|weights|", "|gradients|", "update / weight", "dead ReLU units"};
    private final GridPane table = new GridPane();
    private final VBox warnings = new VBox(4);
    private static final String WAITING = "Layer health appears while training, and for a trained project once its data is read.";
    private final Label step = new Label(WAITING);
    private final List<Label[]> rows = new ArrayList<>();
    private final List<String> shownWarnings = new ArrayList<>();

    HealthView() {
        setPadding(new Insets(8));
        setSpacing(8);
        setId("health");
        table.setHgap(18);
        table.setVgap(4);
        for (int c = 0; c < HEAD.length; c++) {
            Label l = new Label(HEAD[c]);
            l.getStyleClass().add("field-label");
            table.add(l, c, 0);
        }
        table.setVisible(false);
        getChildren().addAll(step, table, warnings);
    }

    /**
     * Takes the newest snapshot; it is laid out now if the view can be seen, else when its tab
     * is shown ({@link #showLatest}). Laying out the table the first time costs the JavaFX thread
     * a style pass over its labels, which is better spent when the user opens the tab than in the
     * first second of every run.
     */
    void show(HealthSnapshot h) {
        take(h, false);
    }

    /** The saved weights' health, measured on one batch without a run (see HealthCheck); a run's own replaces it. */
    void showSaved(HealthSnapshot h) {
        take(h, true);
    }

    private void take(HealthSnapshot h, boolean ofSavedWeights) {
        latest = h;
        saved = ofSavedWeights;
        if (CanvasView.showing(this)) {
            render(h);
        }
    }

    void showLatest() {
        if (latest != null) {
            render(latest);
        }
    }

    private HealthSnapshot latest;
    private boolean saved;

    /** Back to the empty table, as a new project or run starts. */
    void clear() {
        latest = null;
        saved = false;
        table.setVisible(false);
        step.setText(WAITING);
        shownWarnings.clear();
        warnings.getChildren().clear();
    }

    private void render(HealthSnapshot h) {
        List<LayerHealth> layers = h.layers();
        while (rows.size() < layers.size()) {
            Label[] row = new Label[HEAD.length];
            for (int c = 0; c < row.length; c++) {
                row[c] = new Label();
                table.add(row[c], c, rows.size() + 1);
            }
            rows.add(row);
        }
        List<String> found = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Label[] row = rows.get(r);
            boolean used = r < layers.size();
            for (Label l : row) {
                l.setVisible(used);
                l.setManaged(used);
            }
            if (!used) {
                continue;
            }
            LayerHealth l = layers.get(r);
            row[0].setText(l.nodeId());
            row[1].setText(PlotView.format(l.weightNorm()));
            row[2].setText(PlotView.format(l.gradNorm()));
            row[3].setText(PlotView.format(l.updateRatio()));
            row[4].setText(Double.isNaN(l.deadShare()) ? "—" : String.format("%.0f%%", 100 * l.deadShare()));
            if (l.gradNorm() < 1e-7 && l.weightNorm() > 0 && !h.converged()) {
                found.add(l.nodeId() + ": gradients have vanished; try relu-family activations, batch normalization or a larger rate.");
            }
            if (l.updateRatio() > 0.05) {
                found.add(l.nodeId() + ": each step changes the weights by " + String.format("%.0f%%", 100 * l.updateRatio())
                        + "; lower the learning rate or clip gradients.");
            }
            if (!Double.isNaN(l.deadShare()) && l.deadShare() > 0.5) {
                found.add(l.nodeId() + ": " + String.format("%.0f%%", 100 * l.deadShare())
                        + " of its ReLU units output zero for every sample; try leaky_relu, he_normal or a lower rate.");
            }
        }
        if (h.converged()) {
            found.add("The training loss is " + PlotView.format(h.loss()) + ": the network fits its training data, so the"
                    + " gradients are near zero and more epochs will change little. Judge it by the validation figures.");
        }
        if (h.overfitting()) {
            found.add("Validation loss has risen for two epochs while training loss fell: the network is overfitting."
                    + " Add Dropout or regularization, use more data, or stop earlier.");
        }
        table.setVisible(true);
        step.setText(saved ? "The saved weights after step " + h.step() + ", on one batch of the training data"
                + " (no step taken). A run shows its own." : "Step " + h.step());
        showWarnings(found, h.step());
    }

    /** Replaces the warning labels only when the warnings changed. */
    private void showWarnings(List<String> found, long atStep) {
        if (found.equals(shownWarnings) && !warnings.getChildren().isEmpty()) {
            if (found.isEmpty()) {
                ((Label) warnings.getChildren().get(0)).setText("No warnings at step " + atStep + ".");
            }
            return;
        }
        shownWarnings.clear();
        shownWarnings.addAll(found);
        warnings.getChildren().clear();
        for (String message : found) {
            Label l = new Label("⚠ " + message);
            l.setWrapText(true);
            l.getStyleClass().add("warning-text");
            warnings.getChildren().add(l);
        }
        if (found.isEmpty()) {
            Label ok = new Label("No warnings at step " + atStep + ".");
            ok.getStyleClass().add("ok-text");
            warnings.getChildren().add(ok);
        }
    }
}
