package org.layerlab.ui.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.layerlab.data.CsvLoader;
import org.layerlab.data.CsvProfile;
import org.layerlab.data.CsvTable;
import org.layerlab.data.DataException;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.data.LargeCsvLoader;
import org.layerlab.project.DatasetSource;

/**
 * The CSV tab of the data dialog: the first rows in a table with each column's detected type and
 * gaps, target and task, what to do with gaps, scaling, test share, columns to leave out, and
 * the problems (or "ready") for exactly those choices, updated as they change.
 */
final class CsvImportPane extends VBox {
    private final Window owner;
    private final Path projectDir;
    private Path file;
    private CsvProfile profile;
    private boolean large;
    private final Label name = new Label("No file chosen.");
    private final ChoiceBox<String> target = new ChoiceBox<>();
    private final ChoiceBox<String> task = new ChoiceBox<>(FXCollections.observableArrayList("auto", "classification", "regression"));
    private final ChoiceBox<String> scaling = new ChoiceBox<>(FXCollections.observableArrayList("standardize", "min_max", "none"));
    private final ChoiceBox<FeatureEncoder.Missing> gaps = new ChoiceBox<>(
            FXCollections.observableArrayList(FeatureEncoder.Missing.values()));
    private final TextField testSplit = new TextField("0.2");
    private final TextField seed = new TextField("42");
    private final TableView<String[]> table = new TableView<>();
    private final VBox problems = new VBox(4);
    private final FlowPane ignoreBoxes = new FlowPane(10, 4);
    private final Map<String, CheckBox> ignored = new LinkedHashMap<>();

    CsvImportPane(Window owner, Path projectDir) {
        super(8);
        this.owner = owner;
        this.projectDir = projectDir;
        Button choose = CsvChoice.button(owner, this::open);
        task.setValue("auto");
        scaling.setValue("standardize");
        gaps.setValue(FeatureEncoder.Missing.REFUSE);
        gaps.setId("csv-missing");
        gaps.setConverter(new StringConverter<>() {
            @Override
            public String toString(FeatureEncoder.Missing m) {
                return m == null ? "" : switch (m) {
                    case REFUSE -> "stop and show the first";
                    case DROP_ROWS -> "drop incomplete rows";
                    case FILL -> "fill: mean / most frequent";
                };
            }

            @Override
            public FeatureEncoder.Missing fromString(String s) {
                throw new UnsupportedOperationException("choice box only");
            }
        });
        target.valueProperty().addListener((o, a, b) -> updateProblems());
        task.valueProperty().addListener((o, a, b) -> updateProblems());
        gaps.valueProperty().addListener((o, a, b) -> updateProblems());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("target column"), target, new Label("task"), task);
        g.addRow(1, new Label("missing values"), gaps, new Label("scaling"), scaling);
        g.addRow(2, new Label("test share"), testSplit, new Label("split seed"), seed);
        testSplit.setPrefColumnCount(5);
        seed.setPrefColumnCount(6);
        table.setPrefHeight(200);
        table.setPlaceholder(new Label("The first rows of the file appear here."));
        getChildren().addAll(new HBox(12, choose, name), table, g, new Label("leave out:"), ignoreBoxes, problems);
        setPadding(new Insets(12));
    }

    Path file() {
        return file;
    }

    /** Reads a CSV for the preview; errors (ragged rows, unclosed quotes) are shown, not thrown. */
    void open(Path f) {
        try {
            // A large file is profiled on its first rows; training streams all of it.
            large = Files.size(f) > LargeCsvLoader.STREAM_ABOVE_BYTES;
            profile = new CsvProfile(large ? CsvTable.head(f, 5000) : CsvTable.read(f));
            file = f;
        } catch (IOException | DataException e) {
            profile = null;
            file = null;
            name.setText("Cannot read " + f.getFileName() + ": " + e.getMessage());
            table.getColumns().clear();
            table.getItems().clear();
            return;
        }
        name.setText(f.getFileName() + ": " + (large ? "first " : "") + profile.rows() + " rows, "
                + profile.columns().size() + " columns" + (large ? " (large file: profiled on these, streamed in training)" : "")
                + (f.toAbsolutePath().normalize().startsWith(projectDir.toAbsolutePath().normalize())
                ? "" : " (will be copied into the project's data/ folder)"));
        table.getColumns().clear();
        for (int c = 0; c < profile.columns().size(); c++) {
            CsvProfile.Column col = profile.columns().get(c);
            TableColumn<String[], String> tc = new TableColumn<>(col.name() + "\n" + col.type().name().toLowerCase()
                    + (col.type() == CsvProfile.Type.CATEGORICAL ? " (" + col.distinct() + ")" : "")
                    + (col.missing() > 0 ? ", " + col.missing() + " missing" : ""));
            int index = c;
            tc.setCellValueFactory(r -> new SimpleStringProperty(r.getValue()[index]));
            tc.setSortable(false);
            table.getColumns().add(tc);
        }
        table.getItems().setAll(profile.table().rows().subList(0, Math.min(50, profile.rows())));
        ignored.clear();
        ignoreBoxes.getChildren().clear();
        for (CsvProfile.Column col : profile.columns()) {
            CheckBox box = new CheckBox(col.name());
            // Free text and empty columns cannot be inputs; categories are one-hot encoded.
            box.setSelected(col.type() == CsvProfile.Type.TEXT || col.type() == CsvProfile.Type.EMPTY);
            box.selectedProperty().addListener((o, a, b) -> updateProblems());
            ignored.put(col.name(), box);
            ignoreBoxes.getChildren().add(box);
        }
        boolean anyGaps = profile.columns().stream().anyMatch(c -> c.missing() + c.stray() > 0);
        gaps.setValue(anyGaps ? FeatureEncoder.Missing.DROP_ROWS : FeatureEncoder.Missing.REFUSE);
        target.getItems().setAll(profile.table().header());
        target.setValue(profile.table().header().get(profile.table().header().size() - 1));
        updateProblems();
    }

    private void updateProblems() {
        problems.getChildren().clear();
        if (profile == null || target.getValue() == null) {
            return;
        }
        int t = profile.table().header().indexOf(target.getValue());
        ignored.forEach((n, box) -> box.setDisable(n.equals(target.getValue())));
        CsvLoader.Task detected = profile.detectTask(t);
        CsvLoader.Task chosen = switch (task.getValue()) {
            case "classification" -> CsvLoader.Task.CLASSIFICATION;
            case "regression" -> CsvLoader.Task.REGRESSION;
            default -> detected;
        };
        problems.getChildren().add(new Label("Task: " + chosen.name().toLowerCase()
                + (task.getValue().equals("auto") ? " (detected)" : "") + " · network input: "
                + profile.inputs(t, ignoredIndices()) + " values per row (categories one-hot)"));
        List<String> found = profile.problems(t, ignoredIndices(), chosen, gaps.getValue());
        for (String p : found) {
            Label l = new Label("⚠ " + p);
            l.setWrapText(true);
            l.getStyleClass().add("warning-text");
            problems.getChildren().add(l);
        }
        if (found.isEmpty()) {
            Label ok = new Label("✓ Ready to train.");
            ok.getStyleClass().add("ok-text");
            problems.getChildren().add(ok);
        }
    }

    private Set<Integer> ignoredIndices() {
        Set<Integer> out = new HashSet<>();
        List<String> header = profile.table().header();
        ignored.forEach((n, box) -> {
            if (box.isSelected() && !n.equals(target.getValue())) {
                out.add(header.indexOf(n));
            }
        });
        return out;
    }

    /** Shows a saved source's file and choices, so changing one setting keeps the others. */
    void show(DatasetSource.Csv c) {
        Path f = projectDir.resolve(c.path());
        if (!Files.isRegularFile(f)) {
            return;
        }
        open(f);
        if (profile == null) {
            return;
        }
        if (c.target() != null && profile.table().header().contains(c.target())) {
            target.setValue(c.target());
        }
        ignored.forEach((n, box) -> box.setSelected(c.ignore().contains(n)));
        gaps.setValue(c.missing());
        task.setValue(c.task() == null ? "auto" : c.task());
        scaling.setValue(c.normalization() == null ? "none" : c.normalization());
        testSplit.setText(Double.toString(c.testSplit()));
        seed.setText(Long.toString(c.seed()));
        updateProblems();
    }

    /** The source for the given saved path, or a message in the pane and null when incomplete. */
    DatasetSource.Csv result(String savedPath) {
        double split;
        long splitSeed;
        try {
            split = Double.parseDouble(testSplit.getText().trim());
            if (!(split >= 0 && split < 1)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            name.setText("The test share must be a number from 0 up to 1, such as 0.2.");
            return null;
        }
        try {
            splitSeed = Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            name.setText("The split seed must be a whole number, such as 42.");
            return null;
        }
        List<String> leftOut = ignoredIndices().stream().sorted().map(i -> profile.table().header().get(i)).toList();
        return new DatasetSource.Csv(savedPath, target.getValue(), leftOut, gaps.getValue(), task.getValue(),
                scaling.getValue(), split, splitSeed, null, null);
    }

    void say(String message) {
        name.setText(message);
    }
}
