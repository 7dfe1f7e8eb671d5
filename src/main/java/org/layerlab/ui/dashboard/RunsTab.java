package org.layerlab.ui.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import org.layerlab.project.Project;
import org.layerlab.project.sweeps.Sweep;
import org.layerlab.training.runs.Checkpoint;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunDiff;
import org.layerlab.ui.commands.Command;
import org.layerlab.ui.commands.RunEdits;
import org.layerlab.ui.common.PathBreaks;

/**
 * The Runs tab: every run of the project, the chosen ones' curves on one chart, what differs
 * between two, and Restore / Delete / rename / note as undoable edits (through the editor's
 * command stack, set by {@link #onEdit}). Follows the project: a run appears when it ends.
 */
final class RunsTab implements DashboardTab {
    final RunsView view = new RunsView();
    final RunsModel model = new RunsModel();
    private Project project;
    private Consumer<Command> edits = c -> { };
    /** Set while the table is refilled, so the selection it loses is not taken for the user's. */
    private boolean refilling;
    private List<String> chosen = List.of();

    RunsTab() {
        view.table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunsModel.Row>) c -> {
            if (!refilling) {
                // The user chose runs: what the tab said before gives way to what they chose (a sweep's progress stays).
                message = sweeping() ? message : null;
                chosen = view.table.getSelectionModel().getSelectedItems().stream().map(r -> r.run().id()).toList();
                drawChosen();
            }
        });
        view.metric.valueProperty().addListener((o, a, b) -> {
            drawChosen();
            showSettings();
        });
        view.show.valueProperty().addListener((o, a, b) -> {
            boolean settings = "settings".equals(b);
            view.parallel.setVisible(settings);
            view.chart.setVisible(!settings);
            // An axis per setting needs the width more than the table's columns do.
            view.split.setDividerPositions(settings ? 0.38 : 0.55);
            showSettings();
        });
        view.parallel.colours = id -> view.colours.apply(id);
        view.parallel.onFilter(this::chooseFiltered);
        view.best.setOnAction(e -> restoreBest());
        view.compare.setOnAction(e -> {
            List<Run> sel = selectedRuns();
            if (sel.size() == 2) {
                new RunCompareDialog(view.getScene() == null ? null : view.getScene().getWindow(), sel.get(0), sel.get(1),
                        showOnCanvas).show();
            }
        });
        view.colours = id -> {
            int c = model.colourOf(id, chosen);
            return c < 0 ? null : Color.web(RunsModel.COLOURS[c][dark ? 1 : 0]);
        };
        view.restore.setOnAction(e -> restoreSelected());
        view.delete.setOnAction(e -> deleteSelected());
        view.name.setOnEditCommit(e -> edits.accept(RunEdits.rename(model.log(), e.getRowValue().run(), e.getNewValue().strip())));
        view.note.setOnEditCommit(e -> edits.accept(RunEdits.note(model.log(), e.getRowValue().run(), e.getNewValue().strip())));
    }

    @Override
    public String id() {
        return "tab-runs";
    }

    @Override
    public String title() {
        return "Runs";
    }

    @Override
    public Node content() {
        return view;
    }

    @Override
    public CanvasView canvas() {
        return view.chart;
    }

    /** The checkpoints the window's next run keeps: every so many epochs (0: only at its end). */
    int checkpointEvery() {
        Integer v = view.every.getValue();
        return v == null ? 0 : v;
    }

    /** Sweeps started from this tab (the window's Sweep… and its progress). */
    final SweepControl sweeps = new SweepControl(this);

    /** Another document: the runs chosen and what the tab last said were the last one's (its r1 is not this one's). */
    void documentOpened() {
        chosen = List.of();
        message = null;
    }

    /** Whether a sweep is training: the window's Train waits for it. */
    boolean sweeping() {
        return sweeps.sweeping();
    }

    Project project() {
        return project;
    }

    boolean running() {
        return running;
    }

    /** The settings chart shows every run on the chart's metric; brushing it chooses the runs it keeps. */
    private void showSettings() {
        String metric = view.metric.getValue();
        if (metric == null || !view.parallel.isVisible()) {
            return;
        }
        view.parallelModel.show(model.log().runs(), metric);
        view.parallel.setHigherIsBetter(Sweep.higherIsBetter(metric));
        view.parallel.draw();
    }

    void chooseFiltered() {
        List<String> keep = view.parallelModel.passing();
        boolean all = keep.size() == model.log().runs().size();
        view.table.getSelectionModel().clearSelection();
        if (!all) {
            for (int i = 0; i < view.table.getItems().size(); i++) {
                if (keep.contains(view.table.getItems().get(i).run().id())) {
                    view.table.getSelectionModel().select(i);
                }
            }
        }
        view.parallel.draw();
    }

    /** Selects the best run by the chart's metric among those the settings chart keeps, and restores it. */
    private void restoreBest() {
        String metric = view.metric.getValue();
        if (metric == null) {
            return;
        }
        boolean higher = Sweep.higherIsBetter(metric);
        Run best = null;
        for (Run r : model.log().runs()) {
            double v = r.metric(metric);
            boolean kept = view.parallelModel.runs().isEmpty() || view.parallelModel.passes(r);
            if (kept && !Double.isNaN(v) && r.last() != null
                    && (best == null || (higher ? v > best.metric(metric) : v < best.metric(metric)))) {
                best = r;
            }
        }
        if (best == null) {
            say("No run reports " + metric + " with weights to restore.");
            return;
        }
        for (int i = 0; i < view.table.getItems().size(); i++) {
            if (view.table.getItems().get(i).run() == best) {
                view.table.getSelectionModel().clearAndSelect(i);
                view.table.scrollTo(Math.max(0, i - 2));
            }
        }
        restoreSelected();
    }

    private Consumer<List<String>> showOnCanvas = ids -> { };

    /** How the tab selects layers on the canvas (a comparison's differing layers). */
    void onShowLayers(Consumer<List<String>> c) {
        showOnCanvas = c;
    }

    /** Where the tab's edits go: the editor's command stack. */
    void onEdit(Consumer<Command> c) {
        edits = c;
    }

    /** The project changed: its runs are shown again when they differ (a run ended, one was renamed). */
    void projectChanged(Project p) {
        Project before = project;
        project = p;
        if (before != null && before.runs() == p.runs()) {
            return;
        }
        model.show(p.runs());
        refilling = true;
        try {
            view.setMetricColumns(model.metrics());
            view.table.getItems().setAll(model.rows());
            // The chosen runs stay chosen (by id) across the refill; a deleted one drops out. With none
            // chosen, the newest few are, so the chart shows something and a run just ended is in it.
            if (chosen.isEmpty()) {
                List<Run> all = p.runs().runs();
                chosen = all.subList(Math.max(0, all.size() - 4), all.size()).stream().map(Run::id).toList();
            }
            List<String> still = new ArrayList<>();
            for (int i = 0; i < view.table.getItems().size(); i++) {
                if (chosen.contains(view.table.getItems().get(i).run().id())) {
                    view.table.getSelectionModel().select(i);
                    still.add(view.table.getItems().get(i).run().id());
                }
            }
            chosen = still;
            int last = view.table.getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue).max().orElse(-1);
            if (last >= 0) {
                view.table.scrollTo(Math.max(0, last - 3));
            }
        } finally {
            refilling = false;
        }
        String m = view.metric.getValue();
        view.metric.getItems().setAll(model.metrics());
        view.metric.setValue(m != null && model.metrics().contains(m) ? m : model.defaultMetric());
        String problems = String.join("; ", p.runs().problems());
        showSettings();
        int runs = p.runs().runs().size();
        view.status.setText(problems.isEmpty() ? p.runs().isEmpty() ? "" : runs + (runs == 1 ? " run" : " runs")
                + (p.runs().head() == null ? "" : " · ● in the editor")
                : problems);
        view.status.setTooltip(new Tooltip(problems.isEmpty() ? "● marks the run whose weights the"
                + " editor holds. Double-click a name or note to edit it; select runs to overlay their curves." : problems));
        drawChosen();
    }

    private List<Run> selectedRuns() {
        return view.table.getSelectionModel().getSelectedItems().stream().map(RunsModel.Row::run).toList();
    }

    private boolean dark;

    @Override
    public void setDark(boolean d) {
        dark = d;
        view.chart.setDark(d);
        view.table.refresh();
    }

    /** What the tab last said (a sweep's progress, a restore): shown under the chart until the selection changes. */
    private String message;

    void say(String text) {
        message = text;
        view.diff.setText(text);
    }

    void drawChosen() {
        String metric = view.metric.getValue();
        view.chart.clear();
        if (metric != null) {
            view.chart.setTitle(metric);
            model.curves(chosen, metric).forEach(s -> view.chart.add(s, false));
        }
        view.chart.changed();
        view.table.refresh();
        List<Run> sel = selectedRuns();
        view.restore.setDisable(running || sel.size() != 1 || sel.get(0).last() == null);
        view.best.setDisable(running || model.log().isEmpty());
        view.compare.setVisible(sel.size() == 2);
        view.sweep.setDisable(running || sweeping());
        List<Integer> epochs = sel.size() == 1 ? sel.get(0).checkpoints().stream().map(Checkpoint::epoch).toList() : List.of();
        if (!epochs.equals(view.at.getItems())) {
            view.at.getItems().setAll(epochs);
            view.at.setValue(epochs.isEmpty() ? null : epochs.get(epochs.size() - 1));
        }
        view.at.setDisable(epochs.size() < 2 || running);
        view.delete.setDisable(sel.isEmpty());
        view.diff.setText(message != null ? message : sel.size() == 2 ? describe(sel.get(0), RunDiff.of(sel.get(0), sel.get(1)), sel.get(1))
                : sel.size() == 1 ? sel.get(0).summary() + " · " + PathBreaks.of(sel.get(0).data().describe())
                : sel.isEmpty() ? "" : "Select two runs to see what differs between them.");
    }

    /** "r2 → r5: learning_rate 0.001 → 0.01; dense_1.units 32 → 64; added dropout". */
    static String describe(Run a, RunDiff d, Run b) {
        if (d.isEmpty() && a.data().equals(b.data())) {
            return a.id() + " and " + b.id() + " trained the same network with the same settings on the same data.";
        }
        List<String> parts = new ArrayList<>();
        d.changes().forEach(c -> parts.add(c.key() + " " + (c.a() == null ? "–" : c.a()) + " → " + (c.b() == null ? "–" : c.b())));
        if (!d.addedLayers().isEmpty()) {
            parts.add("added " + String.join(", ", d.addedLayers()));
        }
        if (!d.removedLayers().isEmpty()) {
            parts.add("removed " + String.join(", ", d.removedLayers()));
        }
        if (!a.data().equals(b.data())) {
            parts.add("data " + a.data().describe() + " → " + b.data().describe());
        }
        return a.id() + " → " + b.id() + ": " + String.join("; ", parts);
    }

    private void restoreSelected() {
        List<Run> sel = selectedRuns();
        if (sel.size() != 1 || project == null) {
            return;
        }
        Run r = sel.get(0);
        Integer epoch = view.at.getValue();
        Checkpoint c = r.checkpoints().stream().filter(x -> epoch != null && x.epoch() == epoch).findFirst().orElse(r.last());
        try {
            edits.accept(new RunEdits.Restore(r, c.epoch(), c.load(), project));
            say("Restored " + r.id() + " at epoch " + c.epoch() + ": Train goes on from there as a new branch.");
        } catch (IOException e) {
            say("Cannot restore " + r.id() + ": " + e.getMessage());
        }
    }

    private void deleteSelected() {
        List<Run> sel = selectedRuns();
        if (!sel.isEmpty()) {
            edits.accept(RunEdits.delete(model.log(), sel.stream().map(RunsTab::inMemory).toList()));
        }
    }

    private boolean running;

    /** While a run trains, the editor's network and weights are not to be replaced: Restore waits. */
    void setRunning(boolean r) {
        running = r;
        drawChosen();
    }

    /** The run with its checkpoints read into memory, so undoing a delete still has them after a save removed the files. */
    private static Run inMemory(Run r) {
        List<Checkpoint> held = new ArrayList<>();
        for (Checkpoint c : r.checkpoints()) {
            try {
                held.add(c.inMemory() != null ? c : Checkpoint.of(c.epoch(), c.load()));
            } catch (IOException e) {
                held.add(c); // already gone: undo brings back the record and its curves
            }
        }
        return new Run(r.id(), r.uid(), r.name(), r.note(), r.started(), r.parent(), r.startEpoch(), r.outcome(), r.graph(),
                r.graphHash(), r.summary(), r.config(), r.data(), r.settings(), r.history(), held);
    }
}
