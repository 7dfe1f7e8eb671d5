package org.layerlab.ui.dashboard;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.WeightSnapshot;

/** The chosen layer's weights or gradients as a heatmap; outside runs {@link LayerWatch} shows the stored ones. */
final class WeightsTab implements DashboardTab {
    private final DashboardView v;
    private final BorderPane content;
    private final SnapshotModel<WeightSnapshot> model;

    WeightsTab(DashboardView v) {
        this.v = v;
        this.model = new SnapshotModel<>(WeightSnapshot.class, v.weights::show);
        HBox bar = new HBox(10, new Label("layer"), v.weightLayer, new Label("scale"), v.weightScale, v.showGradients);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        content = new BorderPane(v.weights, bar, null, null, null);
    }

    @Override
    public String id() {
        return "tab-weights";
    }

    @Override
    public String title() {
        return "Weights";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public CanvasView canvas() {
        return v.weights;
    }

    @Override
    public RunWants wants() {
        return RunWants.WEIGHTS;
    }

    @Override
    public void runStarted() {
        model.clear();
    }

    @Override
    public void deliver(CoalescingFeed.Delivery d, boolean draw) {
        model.deliver(d, draw);
    }

    @Override
    public void catchUp() {
        model.catchUp();
    }
}
