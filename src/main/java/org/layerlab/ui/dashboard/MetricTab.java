package org.layerlab.ui.dashboard;

import javafx.scene.Node;

/** The run's metric per batch and on validation: accuracy, or MAE / MSE for regression (the tab is named after it). */
final class MetricTab implements DashboardTab {
    private final DashboardView v;

    MetricTab(DashboardView v) {
        this.v = v;
    }

    @Override
    public String id() {
        return "tab-accuracy";
    }

    @Override
    public String title() {
        return "Accuracy";
    }

    @Override
    public Node content() {
        return v.accuracy;
    }

    @Override
    public CanvasView canvas() {
        return v.accuracy;
    }
}
