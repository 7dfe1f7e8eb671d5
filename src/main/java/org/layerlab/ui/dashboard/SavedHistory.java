package org.layerlab.ui.dashboard;

import java.util.Objects;

import org.layerlab.nn.graph.GanChecks;
import org.layerlab.project.Project;

/** What the loss and metric charts show of a project between runs: its saved history, per epoch. */
final class SavedHistory {
    private final DashboardView view;

    SavedHistory(DashboardView view) {
        this.view = view;
    }

    /** A saved project's history, one point per epoch (live runs plot per step). */
    void show(Project p) {
        useMetricOf(p);
        view.clearCharts();
        view.curves.showHistory(p.history());
        view.loss.setXLabel("epoch");
        view.accuracy.setXLabel("epoch");
        view.loss.changed();
        view.accuracy.changed();
        view.refreshCharts(true);
        if (!p.history().isEmpty()) {
            // Short enough for the status line of a 1280-px window; the rest is in the tooltip.
            int n = p.history().size();
            view.statusLine.say("Trained for " + n + (n == 1 ? " epoch" : " epochs") + ". Train goes on from here.",
                    "The charts show the saved history per epoch. Train continues from these weights; Reset weights"
                    + " starts over.");
        }
    }

    /** The second chart follows the first metric the settings report, or a VAE's KL term. */
    void useMetricOf(Project p) {
        String added = p.graph().nodes().stream().map(n -> n.spec().addedLoss()).filter(Objects::nonNull).findFirst()
                .orElse(null);
        view.setMetric(view.curves.useMetricOf(p.training(), added, GanChecks.seamOf(p.graph()) != null));
    }
}
