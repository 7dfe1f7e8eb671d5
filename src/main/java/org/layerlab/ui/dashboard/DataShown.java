package org.layerlab.ui.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.application.Platform;
import org.layerlab.data.AugmentedDataset;
import org.layerlab.data.DataPreview;
import org.layerlab.data.Dataset;
import org.layerlab.data.DatasetStats;
import org.layerlab.data.ReconstructionDataset;
import org.layerlab.nn.graph.GanChecks;
import org.layerlab.nn.network.Network;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.LoadedData;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.BoundarySnapshot;
import org.layerlab.training.ConfusionMatrix;
import org.layerlab.training.HealthSnapshot;
import org.layerlab.training.TextSamples;
import org.layerlab.ui.common.Background;
import org.layerlab.ui.model.EditorModel;
import org.layerlab.training.Snapshot;
import org.layerlab.training.EpochSnapshot;

/**
 * The project's data as the views show it outside a run: read off the JavaFX thread (through
 * the {@link DataLoads} a run shares), shown in the Data tab, given to the model for validation,
 * and, for one or two features, drawn in the boundary view with the trained network's regions.
 */
final class DataShown {
    private final EditorModel model;
    private final DashboardView view;
    private final DataLoads loads;
    private final BooleanSupplier running;
    private final Supplier<Path> projectDir;
    private boolean shown;
    private final List<Runnable> waiting = new ArrayList<>();

    DataShown(EditorModel model, DashboardView view, DataLoads loads, BooleanSupplier running, Supplier<Path> projectDir) {
        this.model = model;
        view.textSamples.onWrite(this::writeSamples);
        this.view = view;
        this.loads = loads;
        this.running = running;
        this.projectDir = projectDir;
        view.boundaryPlane.setId("boundary-plane");
        view.boundaryPlane.setTooltip(new javafx.scene.control.Tooltip("More than two features: the regions are drawn in a"
                + " plane through the inputs, either the first two principal components of the training rows (the inputs"
                + " most like the data) or two features with the others held at their mean"));
        view.boundaryPlane.valueProperty().addListener((o, a, b) -> {
            int i = view.boundaryPlane.getItems().indexOf(b);
            if (i < 0 || choosing) {
                return;
            }
            view.boundary.choosePlane(i == 0 ? null : planePairs.get(i - 1));
            if (lastData != null && model.project() != null) {
                showTrainedBoundary(model.project(), projectDir.get(), lastData);
            }
        });
    }

    /** The pairs of features the plane chooser offers (the first eight features'), in its order after "principal components". */
    private final List<int[]> planePairs = new ArrayList<>();
    /** Set while the chooser is refilled, so that is not taken for a choice. */
    private boolean choosing;

    private void offerPlanes(LoadedData d) {
        List<String> names = d.train().featureNames();
        int f = d.train().featureShape().size();
        boolean many = f > 2 && BoundaryView.applies(d.train());
        view.boundaryPlane.setVisible(many);
        view.boundaryPlaneLabel.setVisible(many);
        choosing = true;
        try {
            planePairs.clear();
            List<String> items = new ArrayList<>(List.of("principal components 1 and 2"));
            for (int i = 0; i < Math.min(f, 8) && many; i++) {
                for (int j = i + 1; j < Math.min(f, 8); j++) {
                    planePairs.add(new int[] {i, j});
                    items.add((i < names.size() ? names.get(i) : "feature " + (i + 1)) + " and "
                            + (j < names.size() ? names.get(j) : "feature " + (j + 1)));
                }
            }
            view.boundaryPlane.getItems().setAll(items);
            view.boundaryPlane.setValue(items.get(0));
            view.boundary.choosePlane(null);
        } finally {
            choosing = false;
        }
    }

    /**
     * Loads the project's data off the JavaFX thread, shows it in the Data tab and gives its
     * summary to the model, so validation can check the network against the data.
     */
    void load(Project p) {
        shown = false;
        // The last project's series must not stay on screen while this one's data loads (or has none).
        view.forecast.setData(null);
        // Attention, States and Samples keep what they show: another document clears them
        // (TrainingController.documentOpened), and a run's end, which saves a fitted vocabulary or
        // statistics into the dataset and so reloads it here, must not blank them.
        ExampleViews.showTabs(view, p);
        if (p.dataset() == null) {
            view.data.showMessage("No data chosen yet: select nothing on the canvas, then Choose data… in the inspector.");
            markShown();
            return;
        }
        Path dir = projectDir.get();
        view.data.showMessage("Loading " + p.dataset().describe() + "…");
        CompletableFuture<LoadedData> load = loads.reload(p.dataset(), dir);
        Background.run("layerlab-data-view", () -> {
            try {
                LoadedData d = DataLoads.await(load);
                // Statistics and pictures of the data as stored; augmentation varies per epoch.
                // An autoencoder's data are shown as they are, with their own labels; the note says the target.
                Dataset shownData = d.train().original() instanceof ReconstructionDataset r ? r.labelled()
                        : d.train().original();
                DatasetStats stats = DatasetStats.of(shownData);
                DataPreview preview = DataPreview.of(shownData);
                ConfusionMatrix confusion = ofTrained(p, dir, d, ProjectSession::confusion);
                HealthSnapshot health = ofTrained(p, dir, d, ProjectSession::health);
                List<Snapshot> examples = ofTrained(p, dir, d, s -> {
                    List<Snapshot> taken = new ArrayList<>();
                    for (EpochSnapshot maker : ExampleViews.of(p, d)) {
                        Snapshot one = maker.take(s.network(), -1, p.history().size());
                        if (one != null) {
                            taken.add(one);
                        }
                    }
                    return taken;
                });
                Platform.runLater(() -> {
                    // The training points show in the boundary view before the first run, too.
                    view.boundary.setData(d.train().original());
                    offerPlanes(d);
                    lastData = d;
                    showTrainedBoundary(p, dir, d);
                    view.forecast.setData(d.series());
                    view.playground.use(p, d);
                    view.latentTab.use(p, d);
                    view.math.use(p, d);
                    view.showTab("tab-playground", ExampleViews.playground(p, d.train().featureShape()));
                    view.showTab("tab-forecast", d.series() != null);
                    view.showTab("tab-math", MathTab.applies(p));
                    boolean gan = GanChecks.seamOf(p.graph()) != null;
                    // Views that cannot apply to these data leave the tab row (which has room for only so many).
                    view.showTab("tab-boundary", BoundaryView.applies(d.train()));
                    // A next-character model has a hundred classes: its matrix would be a grey blur.
                    // A GAN's discriminator does not classify by the data's labels.
                    view.showTab("tab-confusion", d.train().isClassification() && d.train().classNames().size() <= 30
                            && !gan);
                    if (examples != null && !running.getAsBoolean()) {
                        examples.forEach(snapshot -> view.tabs().forEach(t -> t.showSaved(snapshot)));
                    }
                    if (!running.getAsBoolean()) {
                        if (confusion != null) {
                            view.confusion.show(confusion);
                        }
                        if (health != null) {
                            view.health.showSaved(health);
                        }
                    }
                    String note = d.train() instanceof AugmentedDataset a ? "augmented: " + a.augmentation().describe()
                            : shownData != d.train().original() ? "target: the input itself (labels shown are the data's own)"
                            : "";
                    view.data.show(shownData, d.test() == null ? 0 : d.test().size(), stats, preview, note);
                    model.dataLoaded(p.dataset(), d.summary());
                    markShown();
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    view.data.showMessage("The data cannot be loaded: " + e.getMessage());
                    model.dataFailed(p.dataset(), e.getMessage());
                    markShown();
                });
            }
        });
    }

    /**
     * The Samples tab's Write: the project's trained network writes on from the seed, off the
     * JavaFX thread. Not during a run: the run's network is busy, and its samples come each epoch.
     */
    private void writeSamples(String seed, double temperature) {
        Project p = model.project();
        LoadedData d = lastData;
        if (running.getAsBoolean()) {
            view.textSamples.showWritten("A run is going: its samples appear after each epoch; Write works between runs.");
            return;
        }
        if (!p.isTrained() || d == null || !(d.source() instanceof DatasetSource.Corpus c)) {
            view.textSamples.showWritten("Train the network first: Write uses its trained weights.");
            return;
        }
        Path dir = projectDir.get();
        view.textSamples.showWritten("Writing…");
        Background.run("layerlab-write", () -> {
            String text;
            try {
                text = "“" + seed + "” → " + TextSamples.write(ProjectSession.open(p, dir, d).network(), c.tokenizer(), seed,
                        240, temperature, System.nanoTime()) + "  (temperature " + temperature + ")";
            } catch (RuntimeException e) {
                text = "Cannot write: " + e.getMessage();
            }
            String shown = text;
            Platform.runLater(() -> view.textSamples.showWritten(shown));
        });
    }

    /** Runs r on the JavaFX thread once the project's data is shown or could not be read: now if it is. */
    void whenShown(Runnable r) {
        if (shown) {
            r.run();
        } else {
            waiting.add(r);
        }
    }

    private void markShown() {
        shown = true;
        List<Runnable> now = List.copyOf(waiting);
        waiting.clear();
        now.forEach(Runnable::run);
    }

    private LoadedData lastData;

    /**
     * After a run: the decision regions of the final weights (the last snapshot of the run may be
     * older: snapshots are taken at the dashboard's pace, and only while their tab is open).
     */
    void runEnded(Project p) {
        if (lastData != null) {
            showTrainedBoundary(p, projectDir.get(), lastData);
        }
    }

    /**
     * What a reopened trained project shows without a run (its confusion matrix, its layer
     * health), computed off the JavaFX thread; null when untrained or when the network does not
     * fit this data (validation says why).
     */
    private static <T> T ofTrained(Project p, Path dir, LoadedData d, Function<ProjectSession, T> what) {
        if (!p.isTrained()) {
            return null;
        }
        try {
            return what.apply(ProjectSession.open(p, dir, d));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A trained project's decision regions (or fitted curve) without a run, as on reopening it. */
    private void showTrainedBoundary(Project p, Path dir, LoadedData d) {
        if (running.getAsBoolean() || !p.isTrained() || !BoundaryView.applies(d.train())) {
            return;
        }
        try {
            // A table's network: small, built and run over a 64x64 grid in a few milliseconds.
            Network net = ProjectSession.open(p, dir, d).network();
            view.boundary.show(BoundarySnapshot.of(net, view.boundary.bounds(), -1, view.boundary.plane()));
        } catch (RuntimeException e) {
            // The network does not fit this data: validation says why; the points alone still show.
            view.boundary.show(null);
        }
    }
}
