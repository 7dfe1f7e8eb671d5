package org.layerlab.ui.dashboard;

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
 */
final class HealthView extends VBox {
    private final GridPane table = new GridPane();
    private final VBox warnings = new VBox(4);

    HealthView() {
        setPadding(new Insets(8));
        setSpacing(8);
        setId("health");
        table.setHgap(18);
        table.setVgap(4);
        getChildren().addAll(new Label("Layer health appears while training."), table, warnings);
    }

    void show(HealthSnapshot h) {
        table.getChildren().clear();
        warnings.getChildren().clear();
        String[] head = {"layer", "|weights|", "|gradients|", "update / weight", "dead ReLU units"};
        for (int c = 0; c < head.length; c++) {
            Label l = new Label(head[c]);
            l.getStyleClass().add("field-label");
            table.add(l, c, 0);
        }
        int r = 1;
        for (LayerHealth l : h.layers()) {
            table.add(new Label(l.nodeId()), 0, r);
            table.add(new Label(PlotView.format(l.weightNorm())), 1, r);
            table.add(new Label(PlotView.format(l.gradNorm())), 2, r);
            table.add(new Label(PlotView.format(l.updateRatio())), 3, r);
            table.add(new Label(Double.isNaN(l.deadShare()) ? "—" : String.format("%.0f%%", 100 * l.deadShare())), 4, r);
            r++;
            if (l.gradNorm() < 1e-7 && l.weightNorm() > 0) {
                warn(l.nodeId() + ": gradients have vanished; try relu-family activations, batch normalization or a larger rate.");
            }
            if (l.updateRatio() > 0.05) {
                warn(l.nodeId() + ": each step changes the weights by " + String.format("%.0f%%", 100 * l.updateRatio())
                        + "; lower the learning rate or clip gradients.");
            }
            if (!Double.isNaN(l.deadShare()) && l.deadShare() > 0.5) {
                warn(l.nodeId() + ": " + String.format("%.0f%%", 100 * l.deadShare())
                        + " of its ReLU units output zero for every sample; try leaky_relu, he_normal or a lower rate.");
            }
        }
        if (h.overfitting()) {
            warn("Validation loss has risen for two epochs while training loss fell: the network is overfitting."
                    + " Add Dropout or regularization, use more data, or stop earlier.");
        }
        if (warnings.getChildren().isEmpty()) {
            Label ok = new Label("No warnings at step " + h.step() + ".");
            ok.getStyleClass().add("ok-text");
            warnings.getChildren().add(ok);
        }
        getChildren().set(0, new Label("Step " + h.step()));
    }

    private void warn(String message) {
        Label l = new Label("⚠ " + message);
        l.setWrapText(true);
        l.getStyleClass().add("warning-text");
        warnings.getChildren().add(l);
    }
}
