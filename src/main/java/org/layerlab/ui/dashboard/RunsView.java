package org.layerlab.ui.dashboard;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.layerlab.ui.common.Settings;

/**
 * The Runs tab's view: the table of runs (name and note edited in place), the toolbar, and the
 * chosen runs' curves on one chart with what differs between two of them. It draws what
 * {@link RunsTab} gives it and owns no data.
 */
final class RunsView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());
    final TableView<RunsModel.Row> table = new TableView<>();
    final Button restore = new Button("Restore");
    final Button delete = new Button("Delete");
    /** Which of the selected run's checkpoints Restore loads: its end, or an earlier one (a fork point). */
    final ComboBox<Integer> at = new ComboBox<>();
    /** Checkpoints the window's next runs keep: every N epochs (0: only at the end). */
    final Spinner<Integer> every = new Spinner<>(0, 10_000, 0);
    private static final String EVERY_KEY = "runs.checkpointEvery";
    final ComboBox<String> metric = new ComboBox<>();
    final Button best = new Button("Best");
    final Button sweep = new Button("Sweep…");
    final Button cancelSweep = new Button("Cancel sweep");
    /** Curves over epochs, or the runs' settings as parallel coordinates. */
    final ChoiceBox<String> show = new ChoiceBox<>();
    final PlotView chart = new PlotView("", "epoch");
    final ParallelModel parallelModel = new ParallelModel();
    final ParallelView parallel = new ParallelView(parallelModel);
    final Label diff = new Label();
    /** Shown when two runs are selected: the two side by side. */
    final javafx.scene.control.Hyperlink compare = new javafx.scene.control.Hyperlink("Compare…");
    final Label status = new Label();
    final SplitPane split = new SplitPane();
    final TableColumn<RunsModel.Row, String> name = new TableColumn<>("Name");
    final TableColumn<RunsModel.Row, String> note = new TableColumn<>("Note");
    private final TableColumn<RunsModel.Row, String> changed = new TableColumn<>("Changed");
    /** Run, Name, then (after the metrics and Changed) Epochs, From, Started. */
    private final List<TableColumn<RunsModel.Row, ?>> fixed;
    /** The colour of a run's line on the chart, or null when it is not on it. */
    Function<String, Color> colours = id -> null;

    RunsView() {
        setId("runs-view");
        table.setId("runs-table");
        restore.setId("runs-restore");
        best.setId("runs-best");
        sweep.setId("runs-sweep");
        cancelSweep.setId("runs-cancel-sweep");
        show.setId("runs-show");
        show.getItems().setAll("curves", "settings");
        show.setValue("curves");
        show.setTooltip(new Tooltip("Curves: the chosen runs' metric per epoch. Settings: every run as a line through"
                + " the settings that differ and the metric; drag along an axis to keep a range"));
        best.setTooltip(new Tooltip("Select and restore the run with the best final value of the chart's metric"
                + " (among the runs the settings chart keeps)"));
        sweep.setTooltip(new Tooltip("Train one run per combination of settings (grid or random), in the background"));
        cancelSweep.setVisible(false);
        cancelSweep.managedProperty().bind(cancelSweep.visibleProperty());
        parallel.setVisible(false);
        at.setId("runs-at");
        every.setId("runs-every");
        every.setEditable(true);
        // Remembered between sessions: someone who keeps checkpoints wants them in the next window too.
        try {
            every.getValueFactory().setValue(Math.max(0, Integer.parseInt(Settings.get(EVERY_KEY, "0"))));
        } catch (NumberFormatException e) {
            every.getValueFactory().setValue(0);
        }
        every.valueProperty().addListener((o, a, b) -> Settings.put(EVERY_KEY, String.valueOf(b == null ? 0 : b)));
        every.setPrefWidth(68);
        at.setTooltip(new Tooltip("The checkpoint to restore: where the run ended, or an earlier epoch it kept"
                + " (Train then forks a branch from there, with the optimizer's state of that point)"));
        every.setTooltip(new Tooltip("Keep the weights and the optimizer's state every N epochs of the next runs"
                + " (0: only where a run ends), to restore or fork from later"));
        at.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer e) {
                return e == null ? "" : "epoch " + e;
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        delete.setId("runs-delete");
        metric.setId("runs-metric");
        diff.setId("runs-diff");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setEditable(true);
        table.setPlaceholder(new Label("No runs yet: each press of Train is recorded here, with its settings,"
                + " curves and weights."));
        restore.setTooltip(new Tooltip("Load the selected run's network, settings and weights into the editor"
                + " (Undo brings back what was there)"));
        delete.setTooltip(new Tooltip("Forget the selected runs (Undo brings them back; their files go at the next save)"));
        chart.setEmptyText("Select runs to compare their curves.");
        diff.setWrapText(true);
        diff.getStyleClass().add("runs-diff");
        status.getStyleClass().add("muted");

        TableColumn<RunsModel.Row, String> id = column("Run", r -> r.run().id() + (r.head() ? " ●" : ""), 66);
        id.setComparator((a, b) -> Integer.compare(number(a), number(b)));
        // The chart's legend: a chosen run's row carries its line's colour.
        id.setCellFactory(c -> new TableCell<>() {
            private final Rectangle swatch = new Rectangle(12, 4);

            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                Color colour = empty || getTableRow() == null || getTableRow().getItem() == null ? null
                        : colours.apply(getTableRow().getItem().run().id());
                swatch.setFill(colour);
                setGraphic(colour == null ? null : swatch);
            }
        });
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().run().name()));
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setPrefWidth(130);
        TableColumn<RunsModel.Row, String> started = column("Started", r -> WHEN.format(r.run().started()), 86);
        TableColumn<RunsModel.Row, String> from = column("From", r -> r.run().parent() == null ? "fresh" : r.run().parent(), 52);
        TableColumn<RunsModel.Row, Number> epochs = new TableColumn<>("Epochs");
        epochs.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().run().epochs()));
        epochs.setPrefWidth(56);
        changed.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.join(", ", c.getValue().changed())));
        changed.setCellFactory(c -> new ChangedCell());
        changed.setPrefWidth(210);
        note.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().run().note()));
        note.setCellFactory(TextFieldTableCell.forTableColumn());
        note.setPrefWidth(150);
        fixed = List.of(id, name, epochs, from, started);
        table.getColumns().setAll(fixed);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        for (Region r : List.of(restore, at, delete, metric, every, best, sweep, cancelSweep, show)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label chartLabel = new Label("chart");
        chartLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label keep = new Label("checkpoint every");
        Label epochsLabel = new Label("epochs");
        keep.setMinWidth(Region.USE_PREF_SIZE);
        epochsLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, restore, at, delete, best, sweep, cancelSweep, grow, chartLabel, metric, show);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        javafx.scene.layout.StackPane charts = new javafx.scene.layout.StackPane(chart, parallel);
        compare.setId("runs-compare-link");
        compare.setVisible(false);
        compare.managedProperty().bind(compare.visibleProperty());
        compare.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(diff, Priority.ALWAYS);
        diff.setMaxWidth(Double.MAX_VALUE);
        // All its lines, the chart giving way: at 1280 px the fifth line of a run's summary went.
        diff.setMinHeight(Region.USE_PREF_SIZE);
        HBox under = new HBox(4, diff, compare);
        under.setAlignment(Pos.TOP_LEFT);
        VBox right = new VBox(4, charts, under);
        right.setPadding(new Insets(0, 4, 4, 4));
        VBox.setVgrow(charts, Priority.ALWAYS);
        // 90: at 1280 × 760 the tab is ~250 px tall, and a run's summary below needs five lines.
        parallel.setMinSize(200, 90);
        chart.setMinSize(200, 90);
        // A flow: where the table is narrow (a 1280-pixel window) the checkpoint setting moves to a
        // line of its own rather than cutting the count and its legend to "1 runs · ● in the...".
        HBox checkpoints = new HBox(6, keep, every, epochsLabel);
        checkpoints.setAlignment(Pos.CENTER_LEFT);
        FlowPane below = new FlowPane(12, 2, status, checkpoints);
        below.setAlignment(Pos.CENTER_LEFT);
        below.setPadding(new Insets(2, 6, 2, 0));
        VBox left = new VBox(table, below);
        VBox.setVgrow(table, Priority.ALWAYS);
        status.setPadding(new Insets(1, 6, 1, 6));
        split.getItems().setAll(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        chart.setLegend(false);
        setTop(bar);
        setCenter(split);
    }

    private static int number(String id) {
        try {
            return Integer.parseInt(id.replaceAll("[^0-9]", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static TableColumn<RunsModel.Row, String> column(String title, Function<RunsModel.Row, String> f,
                                                              double width) {
        TableColumn<RunsModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The columns for the runs' metrics (sortable as numbers; "–" where a run has none), then Changed and Note. */
    void setMetricColumns(List<String> metrics) {
        // What a person compares first (the figures, what changed) right after the name; when and whence after.
        List<TableColumn<RunsModel.Row, ?>> cols = new java.util.ArrayList<>(fixed.subList(0, 2));
        for (String m : metrics) {
            TableColumn<RunsModel.Row, Double> c = new TableColumn<>(m);
            c.setCellValueFactory(x -> {
                double v = x.getValue().run().metric(m);
                return new ReadOnlyObjectWrapper<>(Double.isNaN(v) ? null : v);
            });
            c.setCellFactory(x -> new TableCell<>() {
                @Override
                protected void updateItem(Double v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty ? null : v == null ? "–" : m.contains("accuracy") ? String.format("%.2f%%", 100 * v)
                            : PlotView.format(v));
                }
            });
            c.setPrefWidth(Math.max(64, m.length() * 8 + 12));
            cols.add(c);
        }
        cols.add(changed);
        cols.addAll(fixed.subList(2, fixed.size()));
        cols.add(note);
        table.getColumns().setAll(cols);
    }

    /** The settings that changed since the run before, in the accent colour: what a row is about. */
    private static final class ChangedCell extends TableCell<RunsModel.Row, String> {
        ChangedCell() {
            getStyleClass().add("runs-changed");
        }

        @Override
        protected void updateItem(String v, boolean empty) {
            super.updateItem(v, empty);
            setText(empty ? null : v);
            setTooltip(empty || v == null || v.isEmpty() ? null : new Tooltip("Changed since the run before: " + v));
        }
    }
}
