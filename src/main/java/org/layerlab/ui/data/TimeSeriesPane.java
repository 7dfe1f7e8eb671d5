package org.layerlab.ui.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.layerlab.data.CsvTable;
import org.layerlab.data.DataException;
import org.layerlab.data.TimeWindows;
import org.layerlab.project.DatasetSource;

/**
 * The Time series tab of the data dialog: a CSV with one row per step, the column to forecast,
 * the columns each step carries, window, horizon, stride and the held-out share at the end; a plot
 * of the series with the split, and what the choices make ("243 training / 46 test windows of
 * (20, 1)") or why they cannot work, updated as they change.
 */
final class TimeSeriesPane extends VBox {
    private Path file;
    private CsvTable table;
    private final Label name = new Label("No file chosen.");
    private final ChoiceBox<String> target = new ChoiceBox<>();
    private final FlowPane inputBoxes = new FlowPane(10, 4);
    private final Map<String, CheckBox> inputs = new LinkedHashMap<>();
    private final Spinner<Integer> window = new Spinner<>(1, 10_000, 16);
    private final Spinner<Integer> horizon = new Spinner<>(1, 10_000, 1);
    private final Spinner<Integer> stride = new Spinner<>(1, 10_000, 1);
    private final TextField testSplit = new TextField("0.2");
    private final CheckBox standardize = new CheckBox("standardize (fitted on the training part)");
    private final Canvas plot = new Canvas(760, 170);
    private final Label summary = new Label();

    TimeSeriesPane(Window owner) {
        super(8);
        Button choose = CsvChoice.button(owner, f -> open(f, null));
        target.setId("series-target");
        window.setId("series-window");
        horizon.setId("series-horizon");
        testSplit.setId("series-test");
        summary.setId("series-summary");
        summary.setWrapText(true);
        standardize.setSelected(true);
        for (Spinner<Integer> s : List.of(window, horizon, stride)) {
            s.setEditable(true);
            s.setPrefWidth(100);
            s.valueProperty().addListener((o, a, b) -> update());
        }
        target.valueProperty().addListener((o, a, b) -> update());
        testSplit.textProperty().addListener((o, a, b) -> update());
        standardize.selectedProperty().addListener((o, a, b) -> update());
        testSplit.setPrefColumnCount(5);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("forecast column"), target, new Label("window (steps)"), window);
        g.addRow(1, new Label("horizon (steps ahead)"), horizon, new Label("stride"), stride);
        g.addRow(2, new Label("test share (at the end)"), testSplit, standardize);
        GridPane.setColumnSpan(standardize, 2);
        getChildren().addAll(new HBox(12, choose, name), plot, g, new Label("each step carries (none ticked: the forecast column alone):"), inputBoxes, summary);
        setPadding(new Insets(12));
        update();
    }

    Path file() {
        return file;
    }

    /** Reads the file and shows its numeric columns; with a saved source, its choices. */
    void open(Path f, DatasetSource.Windows current) {
        try {
            table = CsvTable.read(f);
            file = f;
            name.setText(f.getFileName() + ": " + table.rows().size() + " rows");
        } catch (RuntimeException | IOException e) {
            table = null;
            file = null;
            name.setText("Cannot read " + f.getFileName() + ": " + e.getMessage());
        }
        List<String> numeric = new ArrayList<>();
        if (table != null) {
            for (int c = 0; c < table.columnCount(); c++) {
                if (numericColumn(c)) {
                    numeric.add(table.header().get(c));
                }
            }
        }
        inputs.clear();
        inputBoxes.getChildren().clear();
        for (String column : numeric) {
            CheckBox box = new CheckBox(column);
            box.setId("series-input-" + column);
            box.selectedProperty().addListener((o, a, b) -> update());
            inputs.put(column, box);
            inputBoxes.getChildren().add(box);
        }
        target.getItems().setAll(numeric);
        if (current != null) {
            target.setValue(current.target());
            current.inputs().forEach(c -> {
                if (inputs.containsKey(c)) {
                    inputs.get(c).setSelected(true);
                }
            });
            window.getValueFactory().setValue(current.window());
            horizon.getValueFactory().setValue(current.horizon());
            stride.getValueFactory().setValue(current.stride());
            testSplit.setText(Double.toString(current.testSplit()));
            standardize.setSelected(current.standardize());
        } else if (!numeric.isEmpty()) {
            // The last numeric column: files put the measured value after the time stamp.
            target.setValue(numeric.get(numeric.size() - 1));
        }
        update();
    }

    private boolean numericColumn(int c) {
        int numbers = 0;
        for (String[] row : table.rows()) {
            if (c < row.length && CsvTable.isNumber(row[c].trim())) {
                numbers++;
            }
        }
        return numbers > table.rows().size() / 2;
    }

    /** The choices as a source (path still to be placed in the project), or null with the reason shown. */
    DatasetSource.Windows result(String path) {
        TimeWindows.Result r = preview();
        if (r == null) {
            return null;
        }
        List<String> chosen = chosenInputs();
        return new DatasetSource.Windows(path, chosen, target.getValue(), window.getValue(), horizon.getValue(),
                stride.getValue(), Double.parseDouble(testSplit.getText().trim()), standardize.isSelected(), null, null);
    }

    private List<String> chosenInputs() {
        List<String> chosen = new ArrayList<>();
        inputs.forEach((column, box) -> {
            if (box.isSelected()) {
                chosen.add(column);
            }
        });
        // Only the target ticked is the same as none: the default form, saved without a list.
        return chosen.size() == 1 && chosen.get(0).equals(target.getValue()) ? List.of() : chosen;
    }

    private TimeWindows.Result preview() {
        if (table == null) {
            summary.setText("Choose a CSV file with one row per time step, oldest first.");
            return null;
        }
        if (target.getValue() == null) {
            summary.setText("The file has no column of numbers to forecast.");
            return null;
        }
        try {
            double test = Double.parseDouble(testSplit.getText().trim());
            TimeWindows.Result r = TimeWindows.build(table, new TimeWindows.Options(chosenInputs(), target.getValue(),
                    window.getValue(), horizon.getValue(), stride.getValue(), test, standardize.isSelected()),
                    file.getFileName().toString());
            CsvChoice.ready(summary, String.format("%,d training / %,d test windows of %s: the network's Input takes %s"
                    + " and gives one value.", r.train().size(), r.test() == null ? 0 : r.test().size(),
                    r.train().featureShape(), r.train().featureShape()));
            return r;
        } catch (NumberFormatException e) {
            say("The test share must be a number such as 0.2.");
        } catch (DataException e) {
            say(e.getMessage());
        }
        return null;
    }

    private void say(String message) {
        CsvChoice.problem(summary, message);
    }

    private void update() {
        TimeWindows.Result r = preview();
        draw(r);
    }

    /** The target series, the training part blue and the held-out part orange. */
    private void draw(TimeWindows.Result r) {
        GraphicsContext g = plot.getGraphicsContext2D();
        g.clearRect(0, 0, plot.getWidth(), plot.getHeight());
        if (r == null) {
            return;
        }
        float[] v = r.series();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        int cut = r.testTargetRows().length > 0 ? r.testTargetRows()[0] : v.length;
        double w = plot.getWidth() - 10;
        double h = plot.getHeight() - 10;
        g.setLineWidth(1.2);
        for (int i = 1; i < v.length; i++) {
            g.setStroke(i >= cut ? Color.web("#d9822b") : Color.web("#4a7bd1"));
            g.strokeLine(5 + w * (i - 1) / (v.length - 1), 5 + h * (1 - (v[i - 1] - min) / (max - min + 1e-9)),
                    5 + w * i / (v.length - 1), 5 + h * (1 - (v[i] - min) / (max - min + 1e-9)));
        }
    }
}
