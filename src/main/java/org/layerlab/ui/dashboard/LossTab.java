package org.layerlab.ui.dashboard;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** Loss per batch (smoothed), per epoch and on validation, with log scale and smoothing; fed by {@link Curves}. */
final class LossTab implements DashboardTab {
    private final DashboardView v;
    private final BorderPane content;

    LossTab(DashboardView v) {
        this.v = v;
        HBox bar = new HBox(10, v.logScale, new Label("smoothing"), v.smoothing);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        content = new BorderPane(v.loss, bar, null, null, null);
    }

    @Override
    public String id() {
        return "tab-loss";
    }

    @Override
    public String title() {
        return "Loss";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public CanvasView canvas() {
        return v.loss;
    }
}
