package org.layerlab.ui.dashboard;

import java.util.function.Consumer;

import javafx.scene.Node;
import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.Snapshot;

/**
 * A tab that shows the newest snapshot of one kind a run sends (weights, decision regions,
 * confusion matrix, health): its state is a {@link SnapshotModel}, its view draws what the model
 * hands it. Most tabs are one of these, declared in {@link DashboardTabs}.
 */
final class SnapshotTab<T extends Snapshot> implements DashboardTab {
    private final String id;
    private final String title;
    private final Node content;
    private final CanvasView canvas;
    private final RunWants wants;
    private final SnapshotModel<T> model;
    private final Class<T> kind;
    private final Consumer<T> show;
    private Runnable onRunStarted = () -> { };
    private Runnable onShown;

    /** canvas may be null for a view that is not drawn on one (health's labels). */
    SnapshotTab(String id, String title, Node content, CanvasView canvas, RunWants wants, Class<T> kind, Consumer<T> show) {
        this.id = id;
        this.title = title;
        this.content = content;
        this.canvas = canvas;
        this.wants = wants;
        this.model = new SnapshotModel<>(kind, show);
        this.kind = kind;
        this.show = show;
    }

    /** Also run r when a run starts (e.g. clear a view that would show the last run's result). */
    SnapshotTab<T> onRunStarted(Runnable r) {
        onRunStarted = r;
        return this;
    }

    /** Run r instead of redrawing a stale canvas when the tab is opened. */
    SnapshotTab<T> onShown(Runnable r) {
        onShown = r;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public CanvasView canvas() {
        return canvas;
    }

    @Override
    public RunWants wants() {
        return wants;
    }

    @Override
    public void runStarted() {
        model.clear();
        onRunStarted.run();
    }

    @Override
    public void deliver(CoalescingFeed.Delivery d, boolean draw) {
        model.deliver(d, draw);
    }

    @Override
    public void showSaved(Snapshot s) {
        if (kind.isInstance(s)) {
            show.accept(kind.cast(s));
        }
    }

    @Override
    public void catchUp() {
        model.catchUp();
    }

    @Override
    public void shown() {
        if (onShown != null) {
            onShown.run();
        } else {
            DashboardTab.super.shown();
        }
    }
}
