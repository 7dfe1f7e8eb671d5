package org.layerlab.ui.dashboard;

import javafx.scene.Node;
import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.WeightSnapshot;

/** How the chosen layer's weights and gradients are distributed, step after step. */
final class HistogramsTab implements DashboardTab {
    private final DashboardView v;

    HistogramsTab(DashboardView v) {
        this.v = v;
    }

    @Override
    public String id() {
        return "tab-histograms";
    }

    @Override
    public String title() {
        return "Histograms";
    }

    @Override
    public Node content() {
        return v.histograms;
    }

    @Override
    public CanvasView canvas() {
        return v.histograms;
    }

    @Override
    public RunWants wants() {
        return RunWants.WEIGHTS;
    }

    @Override
    public void runStarted() {
        v.histograms.clear();
    }

    @Override
    public void deliver(CoalescingFeed.Delivery d, boolean draw) {
        WeightSnapshot w = d.latest(WeightSnapshot.class);
        if (w != null && draw) {
            v.histograms.add(w);
        }
    }
}
