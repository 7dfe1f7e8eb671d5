package org.layerlab.ui.dashboard;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.project.LoadedData;
import org.layerlab.project.Project;
import org.layerlab.training.CoalescingFeed;
import org.layerlab.training.Interpolator;
import org.layerlab.training.LatentSnapshot;
import org.layerlab.training.SampleGrid;
import org.layerlab.training.Snapshot;

/**
 * The Latent tab of a VAE on images: for a 2-D latent space the map and the decodings over it
 * (fed after each epoch, {@link LatentView}); for any latent size the walk from one chosen test
 * image's code to another's, decoded in eight steps by the project's saved network (like the
 * Playground: a run in progress trains its own copy, and the caption says so).
 */
final class LatentTab implements DashboardTab {
    static final int STEPS = 8;
    final LatentView map = new LatentView();
    final Spinner<Integer> from = new Spinner<>(1, 1, 1);
    final Spinner<Integer> to = new Spinner<>(1, 2, 2);
    final Strip strip = new Strip();
    private final SnapshotTab<LatentSnapshot> mapTab;
    private final VBox content;
    private Project project;
    private LoadedData data;
    private Interpolator interpolator;
    private Project builtFor;
    /** Whether a run is going: the walk then still decodes with the saved weights, and says so. */
    private boolean runGoing;

    LatentTab() {
        mapTab = new SnapshotTab<>("tab-latent", "Latent", map, map, RunWants.NOTHING, LatentSnapshot.class, map::show)
                .onRunStarted(map::clear);
        from.setEditable(true);
        to.setEditable(true);
        from.setPrefWidth(90);
        to.setPrefWidth(90);
        from.setId("latent-from");
        to.setId("latent-to");
        from.valueProperty().addListener((o, a, b) -> interpolate());
        to.valueProperty().addListener((o, a, b) -> interpolate());
        HBox bar = new HBox(8, new Label("walk from test image"), from, new Label("to"), to);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 8, 0, 8));
        // Short: the map above needs the height more (a 1280 × 760 window leaves the tab ~240 px).
        strip.setMinSize(200, 56);
        strip.setPrefHeight(66);
        VBox.setVgrow(map, Priority.ALWAYS);
        map.managedProperty().bind(map.visibleProperty());
        content = new VBox(map, bar, strip);
    }

    @Override
    public String id() {
        return "tab-latent";
    }

    @Override
    public String title() {
        return "Latent";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public CanvasView canvas() {
        return map;
    }

    @Override
    public void runStarted() {
        mapTab.runStarted();
    }

    @Override
    public void deliver(CoalescingFeed.Delivery d, boolean draw) {
        mapTab.deliver(d, draw);
    }

    @Override
    public void showSaved(Snapshot s) {
        mapTab.showSaved(s);
    }

    @Override
    public void catchUp() {
        mapTab.catchUp();
    }

    @Override
    public void shown() {
        mapTab.shown();
        interpolate();
    }

    @Override
    public void setDark(boolean dark) {
        map.setDark(dark);
        strip.setDark(dark);
    }

    void use(Project p, LoadedData d) {
        project = p;
        data = d;
        if (CanvasView.showing(content)) {
            interpolate();
        }
    }

    /**
     * A run started or ended. The walk keeps to the saved weights meanwhile (the run trains its
     * own copy) while the map above shows the run's epochs: the caption says which weights decode.
     */
    void runGoing(boolean going) {
        runGoing = going;
        if (CanvasView.showing(content)) {
            interpolate();
        }
    }

    void projectChanged(Project p) {
        project = p;
        if (CanvasView.showing(content)) {
            interpolate();
        }
    }

    private void interpolate() {
        if (project == null || data == null) {
            return;
        }
        GraphNode sampling = ExampleViews.vaeSampling(project);
        // The map needs two latent dimensions; with more, the walk has the tab to itself.
        map.setVisible(ExampleViews.latentSampling(project) != null);
        Dataset test = data.test() != null ? data.test() : data.train().original();
        if (sampling == null || test.size() < 2) {
            strip.show(null, null, "The walk needs a VAE on images and two test images.");
            return;
        }
        if (builtFor == null || builtFor.graph() != project.graph() || builtFor.weights() != project.weights()) {
            try {
                interpolator = new Interpolator(project.graph(), project.weights() == null
                        ? new ParameterStore(project.training().seed()) : project.weights(), sampling);
            } catch (RuntimeException e) {
                strip.show(null, null, "The network cannot run yet: " + e.getMessage());
                return;
            }
            builtFor = project;
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) from.getValueFactory()).setMax(test.size());
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) to.getValueFactory()).setMax(test.size());
        }
        int a = Math.max(0, Math.min(test.size() - 1, from.getValue() - 1));
        int b = Math.max(0, Math.min(test.size() - 1, to.getValue() - 1));
        Shape image = interpolator.outputShape();
        if (image.rank() != 3) {
            strip.show(null, null, "The decoder's output is not an image.");
            return;
        }
        float[] decoded = interpolator.between(test, a, b, STEPS);
        strip.show(SampleGrid.ofImages(decoded, image, STEPS, STEPS), image,
                String.format("test image %d → %d in a straight line through the %d latent values, %d steps%s", a + 1,
                        b + 1, interpolator.latentShape().size(), STEPS, weightsNote()));
    }

    private String weightsNote() {
        if (runGoing) {
            return project.isTrained() ? " · saved weights until the run ends"
                    : " · untrained weights until the run ends";
        }
        return project.isTrained() ? "" : " · untrained weights";
    }

    /** The decoded walk as one row of images, with a caption. */
    static final class Strip extends CanvasView {
        private SampleGrid grid;
        private String caption = "";

        SampleGrid grid() {
            return grid;
        }

        String caption() {
            return caption;
        }

        void show(SampleGrid g, Shape image, String text) {
            grid = g;
            caption = text;
            draw();
        }

        @Override
        protected void paint(GraphicsContext g, double w, double h) {
            g.setFill(text);
            g.setFont(Font.font(12));
            g.fillText(caption, 8, 14, w - 16);
            if (grid == null) {
                return;
            }
            double scale = Math.max(0.5, Math.min((w - 16) / grid.width(), (h - 22) / grid.height()));
            g.setImageSmoothing(false);
            g.drawImage(image(grid.argb(), grid.width(), grid.height()), 8, 20, grid.width() * scale,
                    grid.height() * scale);
        }
    }
}
