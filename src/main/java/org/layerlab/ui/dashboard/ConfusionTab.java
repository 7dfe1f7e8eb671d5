package org.layerlab.ui.dashboard;

import javafx.scene.Node;
import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.ConfusionMatrix;

/** The validation confusion matrix after each epoch, with class names. */
final class ConfusionTab implements DashboardTab {
    private final DashboardView v;
    private final SnapshotModel<ConfusionMatrix> model;

    ConfusionTab(DashboardView v) {
        this.v = v;
        this.model = new SnapshotModel<>(ConfusionMatrix.class, v.confusion::show);
    }

    @Override
    public String id() {
        return "tab-confusion";
    }

    @Override
    public String title() {
        return "Confusion";
    }

    @Override
    public Node content() {
        return v.confusion;
    }

    @Override
    public CanvasView canvas() {
        return v.confusion;
    }

    @Override
    public void runStarted() {
        model.clear();
        v.confusion.clear();
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
