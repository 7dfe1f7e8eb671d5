package org.layerlab.ui.dashboard;

import java.util.List;

/** The dashboard's tabs, in the order the tab row shows them: add a tab here (see {@link DashboardTab}). */
final class DashboardTabs {
    private DashboardTabs() {
    }

    static List<DashboardTab> create(DashboardView v) {
        return List.of(new DataTab(v), new LossTab(v), new MetricTab(v), new WeightsTab(v), new HistogramsTab(v),
                new BoundaryTab(v), new ConfusionTab(v), new HealthTab(v));
    }
}
