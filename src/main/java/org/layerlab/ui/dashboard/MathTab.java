package org.layerlab.ui.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.layerlab.data.Dataset;
import org.layerlab.nn.graph.GanChecks;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.NetworkNode;
import org.layerlab.nn.optimizers.OptimizerState;
import org.layerlab.project.LoadedData;
import org.layerlab.project.Project;
import org.layerlab.training.LayerMath;
import org.layerlab.training.TrainingSession;
import org.layerlab.training.WeightTrace;
import org.layerlab.training.runs.Checkpoint;

/**
 * The Math tab: for a Dense or Conv2D layer (chosen here or on the canvas) and one test sample,
 * the forward formula, the backward pass and the optimizer's next update of one weight, each with
 * the engine's numbers substituted ({@link LayerMath}, {@link MathFormulas}). It explains the
 * project's saved network, as the Playground does; a run in progress trains its own copy.
 */
final class MathTab implements DashboardTab {
    final ComboBox<String> layer = new ComboBox<>();
    final Spinner<Integer> sample = new Spinner<>(1, 1, 1);
    final Label status = new Label();
    final VBox sections = new VBox(10);
    /** While a run is paused: one more batch, its step then shown below. */
    final Button step = new Button("Step one batch");
    /** The forward sum written out in full (up to {@link #ALL_TERMS} terms) instead of its first few. */
    final javafx.scene.control.CheckBox allTerms = new javafx.scene.control.CheckBox("all terms");
    static final int ALL_TERMS = 64;
    /** The traced weight's last optimizer steps during (and after) a run. */
    final VBox steps = new VBox(4);
    private final GridPane stepTable = new GridPane();
    private final ImageView stepFormula = new ImageView();
    private TrainingSession session;
    private WeightTrace trace;
    private long lastShownStep = -1;
    /** The weight the view last explained: traced in the next run. */
    private String shownNode;
    private int shownIndex;
    private String shownWeight;
    private final BorderPane content = new BorderPane();
    private final ScrollPane scroll = new ScrollPane();
    private Project project;
    private LoadedData data;
    private LayerMath math;
    private Project builtFor;
    private List<NetworkNode> layers = List.of();
    private boolean dark;
    /** What the view last showed, for tests: the formulas as TeX. */
    List<MathFormulas.Section> shown = List.of();

    MathTab() {
        layer.setId("math-layer");
        sample.setId("math-sample");
        sample.setEditable(true);
        sample.setPrefWidth(90);
        status.getStyleClass().add("muted");
        step.setId("math-step");
        step.setDisable(true);
        step.setTooltip(new Tooltip("While the run is paused: train one batch, and see the traced weight's step"));
        step.setOnAction(e -> {
            if (session != null) {
                session.stepOnce();
            }
        });
        step.setMinWidth(Region.USE_PREF_SIZE);
        stepTable.setHgap(14);
        stepTable.setVgap(2);
        steps.setId("math-steps");
        steps.setVisible(false);
        steps.managedProperty().bind(steps.visibleProperty());
        allTerms.setId("math-all-terms");
        allTerms.setTooltip(new Tooltip("Write the forward sum out in full (up to " + ALL_TERMS + " terms) instead of its"
                + " first few; a wide formula scrolls"));
        allTerms.selectedProperty().addListener((o, a, b) -> show());
        allTerms.setMinWidth(Region.USE_PREF_SIZE);
        // A flow, not a row: at 1280 px the row squeezed its labels to "l..." and "test sa..." and cut
        // the sample's caption; the flow moves what does not fit to a second line whole.
        HBox chooser = new HBox(8, new Label("layer"), layer, new Label("test sample"), sample, allTerms, step);
        chooser.setAlignment(Pos.CENTER_LEFT);
        chooser.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane bar = new FlowPane(12, 2, chooser, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        sections.setPadding(new Insets(6, 10, 10, 10));
        scroll.setContent(new VBox(10, steps, sections));
        content.setTop(bar);
        content.setCenter(scroll);
        layer.valueProperty().addListener((o, a, b) -> show());
        sample.valueProperty().addListener((o, a, b) -> show());
    }

    @Override
    public String id() {
        return "tab-math";
    }

    @Override
    public String title() {
        return "Math";
    }

    @Override
    public Node content() {
        return content;
    }

    @Override
    public void shown() {
        show();
    }

    @Override
    public void setDark(boolean d) {
        dark = d;
        show();
    }

    /** A run starts: the weight last explained is followed through its optimizer steps. */
    void runStarted(TrainingSession s) {
        session = s;
        lastShownStep = -1;
        poll.play();
        trace = shownNode == null ? null : s.trace(shownNode, "kernel", shownIndex);
        steps.setVisible(trace != null);
        stepTable.getChildren().clear();
        stepFormula.setImage(null);
        setPaused(false);
    }

    /** Another document: the last one's traced steps and weight are no longer this one's. */
    void documentOpened() {
        trace = null;
        shownNode = null;
        lastShownStep = -1;
        stepTable.getChildren().clear();
        stepFormula.setImage(null);
        steps.setVisible(false);
    }

    void runEnded() {
        session = null;
        setPaused(false);
        poll.stop();
        if (trace != null && CanvasView.showing(content)) {
            showSteps(); // the run's last steps, whatever the last delivery brought
        }
    }

    /**
     * Reads the trace four times a second while a run goes on and this tab shows: a step taken
     * while paused arrives whatever the dashboard's deliveries do (they coalesce and idle).
     */
    private final Timeline poll = new Timeline(new KeyFrame(Duration.millis(250), e -> {
        if (trace != null && CanvasView.showing(content)) {
            showSteps();
        }
    }));

    {
        poll.setCycleCount(Animation.INDEFINITE);
    }

    void setPaused(boolean paused) {
        step.setDisable(!paused || session == null);
    }

    /** The traced weight's last steps as a table; the newest as a formula while paused (typesetting is slow for 25 Hz). */
    private void showSteps() {
        List<WeightTrace.Step> all = trace.steps();
        boolean formulaDue = !step.isDisabled() && stepFormula.getImage() == null && all.size() >= 2;
        if (all.isEmpty() || all.get(all.size() - 1).t() == lastShownStep && !formulaDue) {
            return;
        }
        WeightTrace.Step last = all.get(all.size() - 1);
        lastShownStep = last.t();
        stepTable.getChildren().clear();
        boolean adam = project != null && project.training().optimizer().kind().equals("adam");
        String[] heads = {"step t", "w", "g = ∂L/∂w", adam ? "m, v" : "optimizer state", "rate η", "Δw"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("math-title");
            stepTable.add(h, c, 0);
        }
        for (int r = 0; r < all.size(); r++) {
            WeightTrace.Step x = all.get(r);
            StringBuilder slots = new StringBuilder();
            for (float v : x.slots()) {
                slots.append(slots.length() == 0 ? "" : ", ").append(PlotView.format(v));
            }
            String[] cells = {Long.toString(x.t()), PlotView.format(x.weight()), PlotView.format(x.gradient()),
                    slots.length() == 0 ? "–" : slots.toString(), PlotView.format(x.rate()), PlotView.format(x.change())};
            for (int c = 0; c < cells.length; c++) {
                stepTable.add(new Label(cells[c]), c, r + 1);
            }
        }
        Label title = new Label("The run's last steps of the weight " + shownWeight.replace("_{", "[").replace("}", "]")
                + " (" + trace.nodeId() + "/kernel)");
        title.getStyleClass().add("math-title");
        stepFormula.setImage(null);
        if (!step.isDisabled() && all.size() >= 2 && project != null) {
            WeightTrace.Step prev = all.get(all.size() - 2);
            var spec = project.training().optimizer();
            MathFormulas.Section f = MathFormulas.update(new LayerMath.Update(spec.create().kind(), last.t(), last.rate(),
                    last.weight(), last.gradient(), prev.slots(), last.slots(), last.after()), shownWeight,
                    spec.option("beta_1"), spec.option("beta_2"), spec.option("epsilon"));
            String tex = f.tex().replace(MathFormulas.LINE, "\\\\");
            stepFormula.setImage(Tex.render("\\begin{array}{l}" + tex + "\\end{array}", 15, dark ? Color.web("#e6e8eb")
                    : Color.web("#1d2126")));
        }
        steps.getChildren().setAll(title, stepTable, stepFormula);
    }

    /** Whether the view has something to explain: a Dense or Conv2D layer in the network. */
    static boolean applies(Project p) {
        // A GAN's two losses and two optimizers are beyond the one-loss story this view tells.
        return GanChecks.seamOf(p.graph()) == null
                && p.graph().nodes().stream().anyMatch(n -> n.spec() instanceof Dense || n.spec() instanceof Conv2D);
    }

    /** The project and its loaded data (the Data tab's load). */
    void use(Project p, LoadedData d) {
        project = p;
        data = d;
        show();
    }

    /** The document changed (weights after a run, an edit): rebuilt when next looked at. */
    void projectChanged(Project p) {
        project = p;
        show();
    }

    /** A layer chosen on the canvas: explained here when it is one this view explains. */
    void select(String nodeId) {
        layers.stream().filter(n -> n.id().equals(nodeId)).findFirst().ifPresent(n -> layer.setValue(n.name()));
    }

    private Dataset samples() {
        return data.test() != null ? data.test() : data.train();
    }

    private void show() {
        if (!CanvasView.showing(content)) {
            return;
        }
        if (project == null || data == null) {
            say("Waiting for the data to load.");
            return;
        }
        if (!project.isTrained()) {
            say("Train the network first: the formulas show its trained weights at work on one sample.");
            return;
        }
        try {
            if (builtFor != project) {
                math = new LayerMath(project.graph(), project.weights(), project.training().loss());
                builtFor = project;
                layers = math.layers();
                String keep = layer.getValue();
                layer.getItems().setAll(layers.stream().map(NetworkNode::name).toList());
                layer.setValue(keep != null && layer.getItems().contains(keep) ? keep
                        : layer.getItems().isEmpty() ? null : layer.getItems().get(0));
                ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) sample.getValueFactory())
                        .setMax(samples().size());
            }
            if (layers.isEmpty()) {
                say("The math view explains Dense and Conv2D layers; this network has neither.");
                return;
            }
            NetworkNode node = layers.stream().filter(n -> n.name().equals(layer.getValue())).findFirst().orElse(layers.get(0));
            int index = Math.min(sample.getValue(), samples().size()) - 1;
            double loss = math.run(samples(), index);
            Dataset set = samples();
            String truth = set.isClassification() ? set.classNames().get((int) set.target(index)) : PlotView.format(set.target(index));
            status.setText("true: " + truth + " · loss " + PlotView.format(loss));
            List<MathFormulas.Section> s = new ArrayList<>();
            String weight;
            int w;
            if (node.spec() instanceof Conv2D) {
                LayerMath.ConvTerms c = math.conv(node.id(), -1);
                s.addAll(MathFormulas.conv(c));
                weight = "K_{1,1,1," + (c.filter() + 1) + "}";
                w = c.filter();
                shownNode = node.id();
            } else {
                boolean output = layers.get(layers.size() - 1) == node && math.isOutput(node.id());
                LayerMath.DenseTerms d = math.dense(node.id());
                s.addAll(MathFormulas.dense(d, output && fused(node), allTerms.isSelected() ? ALL_TERMS
                        : MathFormulas.SHOWN));
                if (output) {
                    // Forward, then the loss it gives, then the backward pass that starts from it.
                    s.add(1, MathFormulas.loss(math.lossTerms(), samples().classNames()));
                }
                int j = d.busiestUnit();
                int i = MathFormulas.busiestInput(d, j);
                weight = "W_{" + (i + 1) + "," + (j + 1) + "}";
                w = i * d.units() + j;
                shownNode = node.id();
            }
            shownIndex = w;
            shownWeight = weight;
            Checkpoint c = project.headCheckpoint();
            OptimizerState state = c == null ? null : c.loadOptimizer();
            var spec = project.training().optimizer();
            s.add(MathFormulas.update(math.update(node.id(), "kernel", w, spec, state), weight,
                    spec.option("beta_1"), spec.option("beta_2"), spec.option("epsilon")));
            draw(s);
        } catch (IOException | RuntimeException e) {
            say("Cannot show the math: " + e.getMessage());
        }
    }

    /** Softmax with cross-entropy (or sigmoid with binary cross-entropy), computed as one: δ at the output is ŷ − y. */
    private boolean fused(NetworkNode out) {
        return out.spec() instanceof Dense d && project.training().loss().fusesWith(d.activation().function());
    }

    private void draw(List<MathFormulas.Section> s) {
        shown = s;
        Color fg = dark ? Color.web("#e6e8eb") : Color.web("#1d2126");
        List<Node> nodes = new ArrayList<>();
        for (MathFormulas.Section x : s) {
            Label title = new Label(x.title());
            title.getStyleClass().add("math-title");
            Label caption = new Label(x.caption());
            caption.setWrapText(true);
            caption.getStyleClass().add("muted");
            // A wide formula scrolls; the sentence under it wraps at the view's width.
            caption.maxWidthProperty().bind(scroll.widthProperty().subtract(40));
            VBox block = new VBox(4, title);
            for (String line : x.tex().split(MathFormulas.LINE)) {
                block.getChildren().add(new ImageView(Tex.render(line, 16, fg)));
            }
            block.getChildren().add(caption);
            nodes.add(block);
        }
        sections.getChildren().setAll(nodes);
    }

    private void say(String text) {
        shown = List.of();
        Label l = new Label(text);
        l.setWrapText(true);
        sections.getChildren().setAll(l);
    }
}
