package org.layerlab.ui.dashboard;

import javafx.scene.Node;
import org.layerlab.training.BoundarySnapshot;
import org.layerlab.training.CoalescingFeed;

/** For one- or two-feature data: the network's decision regions (or fitted curve) over the training points. */
final class BoundaryTab implements DashboardTab {
    private final DashboardView v;
    private final SnapshotModel<BoundarySnapshot> model;

    BoundaryTab(DashboardView v) {
        this.v = v;
        this.model = new SnapshotModel<>(BoundarySnapshot.class, v.boundary::show);
    }

    @Override
    public String id() {
        return "tab-boundary";
    }

    @Override
    public String title() {
        return "Decision boundary";
    }

    @Override
    public Node content() {
        return v.boundary;
    }

    @Override
    public CanvasView canvas() {
        return v.boundary;
    }

    @Override
    public RunWants wants() {
        return RunWants.BOUNDARY;
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
