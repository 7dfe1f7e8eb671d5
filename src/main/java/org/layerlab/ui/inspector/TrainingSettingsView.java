package org.layerlab.ui.inspector;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.layerlab.nn.Loss;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.nn.schedules.ConstantRate;
import org.layerlab.project.Project;
import org.layerlab.training.Metric;
import org.layerlab.training.TrainingConfig;
import org.layerlab.ui.commands.DatasetChange;
import org.layerlab.ui.commands.SettingsChange;
import org.layerlab.ui.common.PathBreaks;
import org.layerlab.ui.common.SettingFormat;
import org.layerlab.ui.data.DatasetDialog;
import org.layerlab.ui.model.EditorModel;

/** The project's training settings (shown when no layer is selected); each change is one undoable command. */
final class TrainingSettingsView extends VBox {
    private final EditorModel model;
    private final Label error = new Label();

    TrainingSettingsView(EditorModel model) {
        this.model = model;
        setSpacing(8);
        setId("training-settings");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setId("settings-error");
    }

    void refresh() {
        getChildren().clear();
        Project p = model.project();
        TrainingConfig t = p.training();
        Label title = new Label("Training");
        title.getStyleClass().add("panel-title");
        GridPane grid = InspectorView.grid();
        int row = 0;
        Spinner<Integer> epochs = ParamEditors.spinner("epochs", t.epochs(), 1, 100_000);
        epochs.valueProperty().addListener((o, a, b) -> apply("epochs", () -> t.withEpochs(b)));
        grid.addRow(row++, InspectorView.label("epochs"), epochs);
        Spinner<Integer> batch = ParamEditors.spinner("batch_size", t.batchSize(), 1, 65_536);
        batch.valueProperty().addListener((o, a, b) -> apply("batch size", () -> t.withBatchSize(b)));
        grid.addRow(row++, InspectorView.label("batch_size"), batch);
        String[] losses = Arrays.stream(Loss.Kind.values()).map(Loss.Kind::kerasName).toArray(String[]::new);
        ChoiceBox<String> loss = ParamEditors.choice("loss", t.loss().kind().kerasName(), losses,
                v -> apply("loss", () -> t.withLoss(Loss.parse(v.getAsString()))));
        // Loss names run to 31 characters (sparse_categorical_crossentropy): the box takes the row's full width.
        grid.add(InspectorView.label("loss"), 0, row++);
        loss.setMaxWidth(Double.MAX_VALUE);
        grid.add(loss, 0, row++, 2, 1);
        row = LossRows.add(grid, row, t.loss(), edit -> apply("loss option", () -> t.withLoss(edit.apply(t.loss()))),
                error::setText);
        grid.addRow(row++, SettingRows.label("metrics", "What each epoch reports besides the loss; the first is charted"),
                metricsChoice(t));
        ChoiceBox<String> optimizer = ParamEditors.choice("optimizer", t.optimizer().kind(),
                OptimizerSpec.KINDS.toArray(String[]::new),
                v -> apply("optimizer", () -> t.withOptimizer(t.optimizer().withKind(v.getAsString()))));
        grid.addRow(row++, InspectorView.label("optimizer"), optimizer);
        TextField lr = ParamEditors.text("learning_rate", SettingFormat.of(t.optimizer().schedule().initial()));
        ParamEditors.onCommit(lr, () -> {
            try {
                double v = Double.parseDouble(lr.getText().trim());
                apply("learning rate", () -> t.withOptimizer(t.optimizer().withSchedule(new ConstantRate(v))));
            } catch (NumberFormatException e) {
                error.setText("learning rate must be a number, such as 0.001");
            }
        });
        grid.addRow(row++, InspectorView.label("learning_rate"), lr);
        row = OptimizerRows.add(grid, row, t.optimizer(),
                (option, edit) -> apply(option.replace('_', ' '), () -> t.withOptimizer(edit.apply(t.optimizer()))),
                error::setText);
        TextField seed = ParamEditors.text("seed", Long.toString(t.seed()));
        ParamEditors.onCommit(seed, () -> {
            try {
                long v = Long.parseLong(seed.getText().trim());
                apply("seed", () -> t.withSeed(v));
            } catch (NumberFormatException e) {
                error.setText("seed must be a whole number");
            }
        });
        grid.addRow(row++, InspectorView.label("seed"), seed);
        TextField split = ParamEditors.text("validation_split", Double.toString(t.validationSplit()));
        ParamEditors.onCommit(split, () -> {
            try {
                double v = Double.parseDouble(split.getText().trim());
                apply("validation split", () -> t.withValidationSplit(v));
            } catch (NumberFormatException e) {
                error.setText("validation split must be a number between 0 and 1, such as 0.2");
            }
        });
        grid.addRow(row++, InspectorView.label("validation_split"), split);
        Label data = new Label(p.dataset() == null ? "No dataset chosen." : "Dataset: " + PathBreaks.of(p.dataset().describe()));
        data.setWrapText(true);
        data.getStyleClass().add("muted");
        data.setId("settings-dataset");
        Button chooseData = new Button(p.dataset() == null ? "Choose data…" : "Change data…");
        chooseData.setId("choose-data");
        chooseData.setOnAction(e -> new DatasetDialog(getScene().getWindow(), model.projectDir(),
                model.project().dataset()).ask().ifPresent(d -> model.execute(new DatasetChange(
                        "Set dataset", model.project().dataset(), d))));
        Label hint = new Label("Select a layer to edit it.");
        hint.getStyleClass().add("muted");
        getChildren().addAll(title, grid, error, data, chooseData, hint);
    }

    /**
     * The metrics that fit the loss, ticked as the settings have them (ControlsFX's CheckComboBox:
     * several choices in one row, the ticked ones listed in it).
     */
    private CheckComboBox<Metric> metricsChoice(TrainingConfig t) {
        CheckComboBox<Metric> box = new CheckComboBox<>();
        box.setId("param-metrics");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Metric m) {
                return m == null ? "" : m.key();
            }

            @Override
            public Metric fromString(String s) {
                return Metric.parse(s);
            }
        });
        for (Metric m : Metric.values()) {
            if (m.appliesTo(t.loss())) {
                box.getItems().add(m);
            }
        }
        t.metrics().forEach(m -> box.getCheckModel().check(m));
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<Metric>) c -> {
            // In the enum's order, so the first (the charted one) does not depend on the order of ticking.
            List<Metric> chosen = Arrays.stream(Metric.values())
                    .filter(m -> box.getItems().contains(m) && box.getCheckModel().isChecked(m)).toList();
            if (!chosen.equals(t.metrics())) {
                apply("metrics", () -> t.withMetrics(chosen));
            }
        });
        return box;
    }

    /** Builds the new settings (whose checks may refuse the value) and applies them as one command. */
    private void apply(String what, Supplier<TrainingConfig> next) {
        try {
            TrainingConfig n = next.get();
            error.setText("");
            model.execute(new SettingsChange("Set " + what, model.project().training(), n));
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }
}
