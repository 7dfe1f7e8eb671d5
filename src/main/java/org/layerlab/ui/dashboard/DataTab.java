package org.layerlab.ui.dashboard;

import javafx.scene.Node;

/** The project's data: sizes, class balance, feature statistics, images or a scatter (shown by {@link DataShown}, not by runs). */
final class DataTab implements DashboardTab {
    private final DashboardView v;

    DataTab(DashboardView v) {
        this.v = v;
    }

    @Override
    public String id() {
        return "tab-data";
    }

    @Override
    public String title() {
        return "Data";
    }

    @Override
    public Node content() {
        return v.data;
    }

    @Override
    public CanvasView canvas() {
        return v.data.view;
    }
}
