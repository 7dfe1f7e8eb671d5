package org.layerlab.ui.dashboard;

import java.util.Arrays;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.layerlab.training.AttentionSnapshot;
import org.layerlab.training.BoundarySnapshot;
import org.layerlab.training.ConfusionMatrix;
import org.layerlab.training.ForecastSnapshot;
import org.layerlab.training.GeneratedSnapshot;
import org.layerlab.training.HealthSnapshot;
import org.layerlab.training.ReconstructionSnapshot;
import org.layerlab.training.StatesSnapshot;
import org.layerlab.training.TextSamples;
import org.layerlab.training.WeightSnapshot;

/** The dashboard's tabs, in the order the tab row shows them: add a tab here (see {@link DashboardTab}). */
final class DashboardTabs {
    private DashboardTabs() {
    }

    static List<DashboardTab> create(DashboardView v) {
        return List.of(
                new PlainTab("tab-data", "Data", v.data, v.data.view),
                new PlainTab("tab-loss", "Loss", withBar(v.loss, v.logScale, new Label("smoothing"), v.smoothing), v.loss),
                // Named after the run's metric by DashboardView.setMetric.
                new PlainTab("tab-accuracy", "Accuracy", v.accuracy, v.accuracy),
                v.playground,
                // Shown only for trained networks with Dense or Conv2D layers.
                v.math,
                v.runs,
                // Shown only for time-series data (DashboardView.showTab).
                new SnapshotTab<>("tab-forecast", "Forecast", v.forecast.plot, v.forecast.plot, RunWants.NOTHING,
                        ForecastSnapshot.class, v.forecast::show).onRunStarted(v.forecast::clearForecast),
                new SnapshotTab<>("tab-weights", "Weights", withBar(v.weights, new Label("layer"), v.weightLayer,
                        new Label("scale"), v.weightScale, v.showGradients), v.weights, RunWants.WEIGHTS,
                        WeightSnapshot.class, v.weights::show),
                new HistogramsTab(v),
                // Shown only for networks with attention (DashboardView.showTab).
                new SnapshotTab<>("tab-attention", "Attention", v.attention, v.attention, RunWants.NOTHING,
                        AttentionSnapshot.class, v.attention::show).onRunStarted(v.attention::clear),
                // Shown only for next-token data (a corpus).
                new SnapshotTab<>("tab-samples", "Samples", v.textSamples.content, null, RunWants.NOTHING,
                        TextSamples.class, v.textSamples::show).onRunStarted(v.textSamples::clear),
                // Shown only for autoencoders on images (target: the input itself).
                new SnapshotTab<>("tab-reconstructions", "Reconstructions", v.reconstructions.content, v.reconstructions,
                        RunWants.NOTHING, ReconstructionSnapshot.class, v.reconstructions::show)
                        .onRunStarted(v.reconstructions::clear),
                // Shown only for GANs on images.
                new SnapshotTab<>("tab-generated", "Generated", v.generated.content, v.generated,
                        RunWants.NOTHING, GeneratedSnapshot.class, v.generated::show).onRunStarted(v.generated::clear),
                // Shown only for VAEs on images.
                v.latentTab,
                // Shown only for networks with recurrent layers.
                new SnapshotTab<>("tab-states", "States", v.states, v.states, RunWants.NOTHING,
                        StatesSnapshot.class, v.states::show).onRunStarted(v.states::clear),
                new SnapshotTab<>("tab-boundary", "Boundary", withBar(v.boundary, v.boundaryPlaneLabel, v.boundaryPlane),
                        v.boundary, RunWants.BOUNDARY,
                        BoundarySnapshot.class, v.boundary::show),
                new SnapshotTab<>("tab-confusion", "Confusion", v.confusion, v.confusion, RunWants.NOTHING,
                        ConfusionMatrix.class, v.confusion::show).onRunStarted(v.confusion::clear),
                // Health lays out its labels only when open: a style pass better spent then than in a run's first second.
                new SnapshotTab<>("tab-health", "Health", fitToWidth(new ScrollPane(v.health)), null, RunWants.HEALTH,
                        HealthSnapshot.class, v.health::show).onShown(v.health::showLatest).onRunStarted(v.health::clear));
    }

    /** Long lines (health's advice) wrap at the tab's width instead of running off its edge. */
    private static ScrollPane fitToWidth(ScrollPane p) {
        p.setFitToWidth(true);
        return p;
    }

    /** A view with a row of its controls above it. */
    static Node withBar(Node view, Node... controls) {
        HBox bar = new HBox(10, controls);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        // A bar whose controls are all hidden (the Boundary's plane chooser for two features) takes
        // no room: it left an empty strip above the regions.
        bar.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> Arrays.stream(controls).anyMatch(Node::isVisible),
                Arrays.stream(controls).map(Node::visibleProperty).toArray(Observable[]::new)));
        bar.managedProperty().bind(bar.visibleProperty());
        return new BorderPane(view, bar, null, null, null);
    }
}
