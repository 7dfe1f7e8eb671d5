package org.layerlab.ui.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerlab.training.GeneratedSnapshot;
import org.layerlab.training.ReconstructionSnapshot;

/**
 * The Train panel below the canvas: Train / Pause / Resume / Stop, Reset weights, a learning-rate
 * field that applies from the next batch, progress (epoch, batch, samples/s, ETA), and tabs with
 * the live views: loss, accuracy, weights of the selected layer, decision boundary. Controls and
 * views only; {@link TrainingController} drives them.
 */
public final class DashboardView extends BorderPane {
    final Button train = button("Train", "Train from the current weights (Ctrl+T)", "train-start");
    final Button pause = button("Pause", "Hold training after the current batch", "train-pause");
    final Button resume = button("Resume", "Continue a paused run", "train-resume");
    final Button stop = button("Stop", "End the run after the current batch; weights so far are kept", "train-stop");
    final Button reset = button("Reset weights", "Start over from fresh weights drawn with the seed", "train-reset");
    final TextField rate = new TextField();
    final Button applyRate = button("Set rate", "Change the learning rate from the next batch", "train-rate");
    final ProgressBar progress = new ProgressBar(0);
    /** Written over the bar: the epoch and the time left. */
    final Label progressCaption = new Label();
    final Label status = new Label("Ready to train.");
    /** Every message on {@link #status} goes through here. */
    final StatusLine statusLine = new StatusLine(status);
    final PlotView loss = new PlotView("Loss", "step");
    final PlotView accuracy = new PlotView("Accuracy", "step");
    final HeatmapView weights = new HeatmapView();
    final BoundaryView boundary = new BoundaryView();
    /** For a table of more than two features: the plane the regions are drawn in. */
    final ComboBox<String> boundaryPlane = new ComboBox<>();
    final Label boundaryPlaneLabel = new Label("drawn in the plane of");
    final ConfusionView confusion = new ConfusionView();
    final HistogramView histograms = new HistogramView();
    final DataPane data = new DataPane();
    final HealthView health = new HealthView();
    final MenuItem exportPng = new MenuItem("Open view as PNG…");
    final MenuItem exportCsv = new MenuItem("History as CSV…");
    final CheckBox live = new CheckBox("Live views");
    final CheckBox logScale = new CheckBox("log scale");
    final CheckBox showGradients = new CheckBox("gradients");
    /** The layer the Weights and Histograms tabs show; kept in step with the canvas selection. */
    final ChoiceBox<String> weightLayer = new ChoiceBox<>();
    final ChoiceBox<String> weightScale = new ChoiceBox<>(
            FXCollections.observableArrayList("this layer", "all layers"));
    final Slider smoothing = new Slider(0, 0.99, 0.6);
    final ForecastView forecast = new ForecastView();
    final AttentionView attention = new AttentionView();
    final StatesView states = new StatesView();
    final TextSamplesView textSamples = new TextSamplesView();
    final ImageGridView reconstructions = new ImageGridView("reconstructions",
            "Test images and the network's reconstructions of them appear after each epoch.",
            "the first " + ReconstructionSnapshot.COUNT + " test images", "each row of originals above its reconstructions");
    final ImageGridView generated = new ImageGridView("generated",
            "The generator's images appear after each epoch: the same noise every time, so you watch them take shape.",
            GeneratedSnapshot.COUNT + " images from fixed noise", "the same noise every epoch");
    final LatentTab latentTab = new LatentTab();
    final LatentView latent = latentTab.map;
    final PlaygroundTab playground = new PlaygroundTab();
    final RunsTab runs = new RunsTab();
    final MathTab math = new MathTab();
    /** What the Loss and metric tabs plot. */
    final Curves curves = new Curves();
    private final List<DashboardTab> tabList;
    private final Map<String, Tab> tabsById = new LinkedHashMap<>();
    private final TabPane tabs;

    public DashboardView() {
        setId("dashboard");
        getStyleClass().add("dashboard");
        rate.setPrefColumnCount(5);
        rate.setId("train-rate-field");
        progress.setPrefWidth(240);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setId("train-progress");
        progressCaption.setId("train-progress-caption");
        progressCaption.getStyleClass().add("progress-caption");
        progressCaption.setMouseTransparent(true);
        status.setId("train-status");
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        // One line, so the tabs below never move; what does not fit is in the tooltip (and an error's
        // advice also in the notice the window shows).
        status.setWrapText(false);
        status.setTextOverrun(OverrunStyle.ELLIPSIS);
        status.textProperty().addListener((o, a, b) -> status.setTooltip(b == null || b.length() < 60 ? null
                : new Tooltip(b)));
        HBox.setHgrow(status, Priority.ALWAYS);
        smoothing.setPrefWidth(90);
        smoothing.setTooltip(new Tooltip("Smoothing of the per-batch curves"));
        live.setId("train-live");
        live.setSelected(true);
        live.setMinWidth(Region.USE_PREF_SIZE);
        live.setTooltip(new Tooltip("Update the charts and views while training. Off, they stand still and the run"
                + " gets the processor time drawing would take (a few percent on a small machine without a"
                + " graphics card); on again, they catch up at once."));
        logScale.setId("loss-log");
        showGradients.setId("show-gradients");
        for (Button b : new Button[] {train, pause, resume, stop, reset, applyRate}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label rateLabel = new Label("learning rate");
        rateLabel.setMinWidth(Region.USE_PREF_SIZE);
        // One menu for both exports, at the right of the tabs (it saves the open tab's view): the
        // progress line beside the bar then has room for batch, speed, loss and "views paused".
        exportPng.setId("export-png");
        exportCsv.setId("export-csv");
        MenuButton export = new MenuButton("Export", null, exportPng, exportCsv);
        export.setId("export");
        export.setTooltip(new Tooltip("Save the view in the open tab as a PNG image, or the per-epoch history as CSV"));
        export.setMinWidth(Region.USE_PREF_SIZE);
        rate.setMinWidth(70);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6, train, pause, resume, stop, reset, rateLabel, rate, applyRate, gap, live);
        buttons.setAlignment(Pos.CENTER_LEFT);
        progress.setMinWidth(160);
        StackPane bar = new StackPane(progress, progressCaption);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        HBox progressRow = new HBox(10, bar, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        VBox controls = new VBox(6, buttons, progressRow);
        controls.setPadding(new Insets(6, 8, 6, 8));
        controls.getStyleClass().add("train-controls");
        loss.add(curves.batchLoss, true);
        loss.add(curves.epochLoss, false);
        loss.add(curves.valLoss, false);
        loss.add(curves.generatorLoss, true);
        accuracy.add(curves.batchMetric, true);
        accuracy.add(curves.valMetric, false);
        accuracy.add(curves.fakeMetric, true);
        weightLayer.setId("weights-layer");
        weightLayer.setTooltip(new Tooltip("The layer to show (or click it on the canvas)"));
        weightScale.setId("weights-scale");
        weightScale.setValue("this layer");
        weightScale.setTooltip(new Tooltip("Colour scale: this layer's largest value, or the largest kernel value of"
                + " all layers, to compare layers"));
        tabList = DashboardTabs.create(this);
        tabs = new TabPane();
        for (DashboardTab t : tabList) {
            Tab tab = new Tab(t.title(), t.content());
            tab.setId(t.id());
            tabs.getTabs().add(tab);
            tabsById.put(t.id(), tab);
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("dashboard-tabs");
        // The skin makes the new tab's content visible after this event: bring the view up to date then.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> Platform.runLater(() -> openTab().shown()));
        tabs.getSelectionModel().select(tabsById.get("tab-loss"));
        showTab("tab-forecast", false);
        showTab("tab-attention", false);
        showTab("tab-states", false);
        showTab("tab-samples", false);
        showTab("tab-reconstructions", false);
        showTab("tab-generated", false);
        showTab("tab-latent", false);
        showTab("tab-playground", false);
        showTab("tab-math", false);
        setTop(controls);
        // The tab row's right end holds Export; the header's padding keeps tabs from running under it.
        tabs.getStyleClass().add("dashboard-tabs");
        StackPane.setAlignment(export, Pos.TOP_RIGHT);
        StackPane.setMargin(export, new Insets(2, 6, 0, 0));
        setCenter(new StackPane(tabs, export));
        logScale.selectedProperty().addListener((o, a, b) -> loss.setLogScale(b));
        smoothing.valueProperty().addListener((o, a, b) -> {
            loss.setSmoothing(b.doubleValue());
            accuracy.setSmoothing(b.doubleValue());
        });
        loss.setSmoothing(smoothing.getValue());
        accuracy.setSmoothing(smoothing.getValue());
        showGradients.selectedProperty().addListener((o, a, b) -> weights.setGradients(b));
        weightScale.valueProperty().addListener((o, a, b) -> weights.setSharedScale(sharedScale()));
        setRunning(false, false);
    }

    private static Button button(String text, String tip, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** Enables the buttons that apply: running or not, paused or not. */
    void setRunning(boolean running, boolean paused) {
        train.setDisable(running);
        reset.setDisable(running);
        pause.setDisable(!running || paused);
        resume.setDisable(!running || !paused);
        stop.setDisable(!running);
    }

    /**
     * The metric the second chart plots: accuracy for classification, MAE or MSE for
     * regression (whatever the run reports first). Names the tab and the chart after it.
     */
    void setMetric(String key) {
        String name = switch (key) {
            case "accuracy" -> "Accuracy";
            case "mae" -> "MAE";
            case "mse" -> "MSE";
            case "kl_loss" -> "KL";
            case "d_real_acc" -> "Discriminator";
            default -> key;
        };
        tabsById.get("tab-accuracy").setText(name);
        accuracy.setTitle(switch (key) {
            case "accuracy" -> name;
            case "mae", "mse" -> name + " (mean " + (key.equals("mae") ? "absolute" : "squared") + " error)";
            case "kl_loss" -> "KL term (β·KL, in the loss; the rest is reconstruction)";
            case "d_real_acc" -> "Discriminator accuracy";
            default -> key;
        });
    }

    boolean sharedScale() {
        return "all layers".equals(weightScale.getValue());
    }

    void clearCharts() {
        loss.clear();
        accuracy.clear();
    }

    private long lastChartDraw;

    /**
     * Redraws the charts that changed, at most 2.5 times a second unless forced: curves need no
     * more, and on machines that render in software every redraw takes CPU from training.
     */
    void refreshCharts(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastChartDraw < DashboardPace.DELIVERY_NANOS) {
            return;
        }
        lastChartDraw = now;
        loss.refresh();
        accuracy.refresh();
    }

    /** Whether the tab is in the row (see {@link #showTab}). */
    boolean showsTab(String id) {
        return tabs.getTabs().contains(tabsById.get(id));
    }

    /** Brings a tab in the row to the front. */
    void openTab(String id) {
        Tab t = tabsById.get(id);
        if (t != null && tabs.getTabs().contains(t)) {
            tabs.getSelectionModel().select(t);
        }
    }

    /**
     * Shows a tab that only some projects have (Forecast for time-series data, Attention for
     * networks with attention, Decision boundary for one or two features, Confusion for classes)
     * or takes it away where it would only say it does not apply; an open tab that goes hands over
     * to Loss.
     */
    void showTab(String id, boolean shown) {
        Tab tab = tabsById.get(id);
        boolean present = tabs.getTabs().contains(tab);
        if (shown && !present) {
            int at = 0;
            for (DashboardTab t : tabList) {
                if (t.id().equals(id)) {
                    break;
                }
                at += tabs.getTabs().contains(tabsById.get(t.id())) ? 1 : 0;
            }
            tabs.getTabs().add(at, tab);
        } else if (!shown && present) {
            if (tabs.getSelectionModel().getSelectedItem() == tab) {
                tabs.getSelectionModel().select(tabsById.get("tab-loss"));
            }
            tabs.getTabs().remove(tab);
        }
    }

    /** The open tab. */
    DashboardTab openTab() {
        String id = tabs.getSelectionModel().getSelectedItem().getId();
        return tabList.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** Every tab, in the tab row's order. */
    List<DashboardTab> tabs() {
        return tabList;
    }

    /** Runs r whenever another tab is opened. */
    void onTabChange(Runnable r) {
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> r.run());
    }

    /** The canvas-drawn view in the open tab, or null for a tab that is not one (health). */
    CanvasView currentView() {
        return openTab().canvas();
    }

    public void setDark(boolean dark) {
        tabList.forEach(t -> t.setDark(dark));
    }
}
