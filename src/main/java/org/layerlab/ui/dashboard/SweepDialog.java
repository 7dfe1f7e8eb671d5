package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.layerlab.project.Project;
import org.layerlab.project.RunRecords;
import org.layerlab.project.SettingEdits;
import org.layerlab.project.sweeps.Sweep;
import org.layerlab.project.sweeps.SweepParameter;
import org.layerlab.ui.common.DialogTheme;

/**
 * The sweep editor: parameters (any setting by its project-file name, or a layer's option as
 * layer.option) with their values (a list "16,32,64" or a range "1e-4..1e-1:log:4"), grid or
 * seeded random, epochs per trial and the metric that ranks them. The number of trials is shown
 * as it is typed; OK stays off while anything is wrong, and the reason is shown in words.
 */
final class SweepDialog extends Dialog<Sweep> {
    private final Project project;
    private final GridPane rows = new GridPane();
    private final List<Row> params = new ArrayList<>();
    final ChoiceBox<String> strategy = new ChoiceBox<>();
    final Spinner<Integer> count = new Spinner<>(1, Sweep.MAX_TRIALS, 10);
    final TextField seed = new TextField("42");
    final Spinner<Integer> epochs;
    final ComboBox<String> metric = new ComboBox<>();
    /** Successive halving's η (0: off). */
    final Spinner<Integer> halving = new Spinner<>(0, 10, 0);
    final Label summary = new Label();
    private final List<String> suggestions;

    /** One parameter: its key and its values. */
    record Row(ComboBox<String> key, TextField values) {
    }

    SweepDialog(Window owner, Project project, List<String> metrics, String defaultMetric) {
        this.project = project;
        setTitle("Sweep");
        setHeaderText("Train one run per combination of values, each from fresh weights");
        initOwner(owner);
        DialogTheme.follow(this, owner);
        suggestions = suggestions(project);
        epochs = new Spinner<>(1, 100_000, project.training().epochs());
        epochs.setEditable(true);
        count.setEditable(true);
        strategy.getItems().setAll("grid", "random");
        strategy.setValue("grid");
        metric.getItems().setAll(metrics);
        metric.setEditable(true);
        metric.setValue(defaultMetric);
        metric.getEditor().setText(defaultMetric);
        metric.getEditor().textProperty().addListener((o, a, b) -> check());
        rows.setHgap(8);
        rows.setVgap(6);
        rows.addRow(0, new Label("parameter"), new Label("values: a,b,c or low..high[:log][:steps]"));
        addRow("learning_rate", "1e-4..1e-1:log:4");
        Button add = new Button("Add parameter");
        add.setOnAction(e -> addRow("", ""));
        HBox how = new HBox(8, new Label("strategy"), strategy, new Label("trials"), count, new Label("seed"), seed);
        HBox per = new HBox(8, new Label("epochs per trial"), epochs, new Label("ranked by"), metric);
        halving.setPrefWidth(70);
        halving.setTooltip(new Tooltip("Successive halving: after the first epochs, the best 1/η of the trials go on to"
                + " η times as many, round after round, until one is left (0: off)"));
        HBox halve = new HBox(8, new Label("successive halving η"), halving, new Label("(0: every trial trains the same)"));
        for (HBox b : List.of(how, per, halve)) {
            b.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }
        seed.setPrefColumnCount(6);
        count.setPrefWidth(90);
        epochs.setPrefWidth(100);
        summary.setWrapText(true);
        summary.setId("sweep-summary");
        VBox content = new VBox(10, rows, add, how, per, halve, summary);
        content.setPadding(new Insets(8));
        content.setPrefWidth(620);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) getDialogPane().lookupButton(ButtonType.OK)).setText("Start sweep");
        strategy.valueProperty().addListener((o, a, b) -> check());
        count.valueProperty().addListener((o, a, b) -> check());
        seed.textProperty().addListener((o, a, b) -> check());
        epochs.valueProperty().addListener((o, a, b) -> check());
        metric.valueProperty().addListener((o, a, b) -> check());
        halving.valueProperty().addListener((o, a, b) -> check());
        check();
        setResultConverter(b -> b == ButtonType.OK ? sweep() : null);
    }

    /** Settings a sweep commonly varies first, then every numeric option of the network's layers. */
    static List<String> suggestions(Project p) {
        List<String> out = new ArrayList<>(List.of("learning_rate", "batch_size", "optimizer", "epochs"));
        for (Map.Entry<String, String> e : RunRecords.settings(p.graph(), p.training()).entrySet()) {
            String k = e.getKey();
            if (k.contains(".") && !k.startsWith("optimizer.") && !k.startsWith("loss.") && isNumber(e.getValue())
                    && p.graph().contains(k.substring(0, k.indexOf('.')))) {
                out.add(k);
            }
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    void addRow(String key, String values) {
        ComboBox<String> k = new ComboBox<>();
        k.setEditable(true);
        k.getItems().setAll(suggestions);
        k.setValue(key);
        // An editable box shows its value in the editor only once it has a skin: set both.
        k.getEditor().setText(key);
        k.setPrefWidth(200);
        TextField v = new TextField(values);
        v.setPrefColumnCount(22);
        v.setTooltip(new Tooltip("A list (16,32,64 or adam,sgd) or a range low..high, 5 steps by default:"
                + " 1e-4..1e-1:log:4 is 0.0001, 0.001, 0.01, 0.1"));
        Row row = new Row(k, v);
        Button remove = new Button("×");
        remove.setTooltip(new Tooltip("Remove this parameter"));
        params.add(row);
        int at = params.size();
        rows.addRow(at, k, v, remove);
        remove.setOnAction(e -> {
            params.remove(row);
            rows.getChildren().removeAll(k, v, remove);
            check();
        });
        k.valueProperty().addListener((o, a, b) -> check());
        k.getEditor().textProperty().addListener((o, a, b) -> check());
        v.textProperty().addListener((o, a, b) -> check());
        check();
    }

    List<Row> rows() {
        return params;
    }

    /** The sweep as entered, or why there is none yet (thrown as IllegalArgumentException). */
    Sweep sweep() {
        List<SweepParameter> ps = new ArrayList<>();
        for (Row r : params) {
            // What is typed counts before it is committed (Enter, focus leaving).
            String typed = r.key().getEditor().getText();
            String key = (typed == null || typed.isBlank() ? r.key().getValue() == null ? "" : r.key().getValue() : typed).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a parameter has no name");
            }
            if (!SettingEdits.knows(project, key)) {
                throw new IllegalArgumentException(SettingEdits.unknownMessage(project, key));
            }
            ps.add(SweepParameter.parse(key + "=" + r.values().getText()));
        }
        long s;
        try {
            s = Long.parseLong(seed.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the seed must be a whole number");
        }
        String m = metric.getEditor().getText() == null ? "" : metric.getEditor().getText().strip();
        return new Sweep(ps, strategy.getValue().equals("grid") ? Sweep.Strategy.GRID : Sweep.Strategy.RANDOM,
                count.getValue(), s, epochs.getValue(), m.isEmpty() ? metric.getValue() : m,
                halving.getValue() == 1 ? 0 : halving.getValue());
    }

    private void check() {
        boolean random = "random".equals(strategy.getValue());
        count.setDisable(!random);
        seed.setDisable(!random);
        String text;
        boolean ok;
        try {
            Sweep s = sweep();
            int n = s.trials().size();
            text = n + " trial" + (n == 1 ? "" : "s") + " × " + s.epochs() + " epoch" + (s.epochs() == 1 ? "" : "s")
                    + (s.halving() > 1 ? ", then the best 1/" + s.halving() + " go on each round" : "")
                    + ", each a run in the table, ranked by " + s.metric() + ". Train waits while the sweep runs.";
            ok = true;
        } catch (IllegalArgumentException e) {
            text = e.getMessage();
            ok = false;
        }
        summary.setText(text);
        summary.getStyleClass().remove("error-text");
        if (!ok) {
            summary.getStyleClass().add("error-text");
        }
        var okButton = getDialogPane().lookupButton(ButtonType.OK);
        if (okButton != null) {
            okButton.setDisable(!ok);
        }
    }
}
