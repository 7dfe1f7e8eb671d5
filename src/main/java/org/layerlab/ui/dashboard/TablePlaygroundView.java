package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layerlab.data.TabularInput;

/**
 * The Playground for a table: a slider per numeric column over the range its training rows
 * span (its value beside it, and what the network receives after normalisation), a choice per
 * category column, a test row to start from, and the answer; "saliency" adds per column how
 * strongly the top class's score reacts to it (the largest gradient of its inputs).
 */
final class TablePlaygroundView extends VBox {
    final Spinner<Integer> sample = new Spinner<>(1, 1, 1);
    final Button showSample = new Button("Test row");
    final CheckBox saliency = new CheckBox("saliency");
    final Label truth = new Label();
    final Label message = new Label();
    final PlaygroundBars bars = new PlaygroundBars();
    private final GridPane grid = new GridPane();
    private final List<Node> controls = new ArrayList<>();
    private final List<Label> shown = new ArrayList<>();
    private final List<Region> reaction = new ArrayList<>();
    private TabularInput input;
    private Runnable changed = () -> { };
    private boolean setting;

    TablePlaygroundView() {
        setId("table-playground");
        setSpacing(6);
        setPadding(new Insets(4, 12, 6, 12));
        sample.setEditable(true);
        sample.setPrefWidth(90);
        sample.setId("table-playground-sample");
        showSample.setId("table-playground-show-sample");
        showSample.setTooltip(new Tooltip("Set the values to this test row's, with its true label"));
        saliency.setId("table-playground-saliency");
        saliency.setTooltip(new Tooltip("How strongly the top class's score reacts to each column (the largest"
                + " gradient of its inputs)"));
        truth.setId("table-playground-truth");
        message.setId("table-playground-message");
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        HBox bar = new HBox(8, sample, showSample, saliency, truth, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        grid.setHgap(8);
        grid.setVgap(2);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(470);
        bars.setMinSize(220, 100);
        HBox.setHgrow(bars, Priority.ALWAYS);
        HBox row = new HBox(14, scroll, bars);
        VBox.setVgrow(row, Priority.ALWAYS);
        getChildren().addAll(bar, row);
    }

    void onChange(Runnable r) {
        changed = r;
    }

    /** A control per column, set to the middle of its range (or its first category). */
    void setUp(TabularInput in) {
        input = in;
        grid.getChildren().clear();
        controls.clear();
        shown.clear();
        reaction.clear();
        int r = 0;
        for (TabularInput.Feature f : in.features()) {
            Label name = new Label(f.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Node control;
            Label value = new Label();
            value.setMinWidth(150);
            if (f.numeric()) {
                Slider s = new Slider(f.min(), f.max(), (f.min() + f.max()) / 2);
                s.setPrefWidth(140);
                s.valueProperty().addListener((o, a, b) -> {
                    showValue(value, f, b.doubleValue());
                    if (!setting) {
                        changed.run();
                    }
                });
                showValue(value, f, s.getValue());
                control = s;
            } else {
                ChoiceBox<String> c = new ChoiceBox<>();
                c.getItems().setAll(f.categories());
                c.getSelectionModel().select(0);
                c.valueProperty().addListener((o, a, b) -> {
                    if (!setting) {
                        changed.run();
                    }
                });
                control = c;
            }
            Region react = new Region();
            react.setMinHeight(8);
            react.setMaxHeight(8);
            react.setPrefWidth(0);
            react.setStyle("-fx-background-color: #d24d57;");
            grid.addRow(r++, name, control, value, react);
            controls.add(control);
            shown.add(value);
            reaction.add(react);
        }
    }

    private void showValue(Label label, TabularInput.Feature f, double v) {
        label.setText(String.format("%.4g → %.3f", v, input.normalised(f.at(), v)));
        label.setTooltip(new Tooltip("As set, and what the network receives after the normalisation fitted on the"
                + " training rows (training range " + String.format("%.4g to %.4g", f.min(), f.max()) + ")"));
    }

    /** The values as set: numbers, and for categories the index of the one chosen. */
    double[] values() {
        double[] v = new double[controls.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = controls.get(i) instanceof Slider s ? s.getValue()
                    : ((ChoiceBox<?>) controls.get(i)).getSelectionModel().getSelectedIndex();
        }
        return v;
    }

    /** Sets every control without asking for an answer per control; the caller asks once. */
    void setValues(double[] v) {
        setting = true;
        try {
            for (int i = 0; i < v.length && i < controls.size(); i++) {
                if (controls.get(i) instanceof Slider s) {
                    // A test row may lie outside the training range: the slider widens to show it.
                    s.setMin(Math.min(s.getMin(), v[i]));
                    s.setMax(Math.max(s.getMax(), v[i]));
                    s.setValue(v[i]);
                } else {
                    ((ChoiceBox<?>) controls.get(i)).getSelectionModel().select((int) v[i]);
                }
            }
        } finally {
            setting = false;
        }
    }

    /** Per column, the largest magnitude of its inputs' gradients, as a red bar (null: none). */
    void showSaliency(float[] gradient) {
        double max = 1e-12;
        double[] per = new double[input.features().size()];
        for (int i = 0; i < per.length; i++) {
            TabularInput.Feature f = input.features().get(i);
            int w = f.numeric() ? 1 : f.categories().size();
            for (int k = 0; gradient != null && k < w; k++) {
                per[i] = Math.max(per[i], Math.abs(gradient[f.at() + k]));
            }
            max = Math.max(max, per[i]);
        }
        for (int i = 0; i < per.length; i++) {
            double width = gradient == null ? 0 : 60 * per[i] / max;
            reaction.get(i).setPrefWidth(width);
            reaction.get(i).setMinWidth(width);
        }
    }
}
