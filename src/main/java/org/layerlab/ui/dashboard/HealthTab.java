package org.layerlab.ui.dashboard;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.HealthSnapshot;

/** Training health per layer: weight and gradient norms, update ratio, dead units, overfitting. */
final class HealthTab implements DashboardTab {
    private final DashboardView v;
    private final ScrollPane content;
    private final SnapshotModel<HealthSnapshot> model;

    HealthTab(DashboardView v) {
        this.v = v;
        this.content = new ScrollPane(v.health);
        this.model = new SnapshotModel<>(HealthSnapshot.class, v.health::show);
    }

    @Override
    public String id() {
        return "tab-health";
    }

    @Override
    public String title() {
        return "Health";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public RunWants wants() {
        return RunWants.HEALTH;
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

    /** Health lays out its labels only when open: a style pass better spent then than in a run's first second. */
    @Override
    public void shown() {
        v.health.showLatest();
    }
}
