package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.layerlab.training.EpochEvent;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunLog;

/**
 * The view-model of the Runs tab: the runs as table rows (with the settings that changed since
 * the run before), which metrics they report, and the curves of the chosen runs on one chart.
 * A run's curve starts where its parent's weights left off (x = the epochs before it + its own),
 * so a branch leaves its parent's curve at the point it forked. No JavaFX: tested without a window.
 */
final class RunsModel {
    /** Colours for the overlaid runs (light theme, dark theme), repeated past eight. */
    static final String[][] COLOURS = {
            {"#1f5fbf", "#8fb0ea"}, {"#d9822b", "#f0b070"}, {"#2f8f4e", "#7fd39a"}, {"#b03a8c", "#e89ad0"},
            {"#6b4fbb", "#b5a2f0"}, {"#8c6d1f", "#e0c060"}, {"#1f8a8a", "#7fdada"}, {"#c0392b", "#f08a80"}};

    private RunLog log = RunLog.EMPTY;

    /** One row of the table. */
    record Row(Run run, boolean head, List<String> changed) {
    }

    void show(RunLog l) {
        log = l;
    }

    RunLog log() {
        return log;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Run r : log.runs()) {
            rows.add(new Row(r, r.id().equals(log.head()), log.changedSincePrevious(r)));
        }
        return rows;
    }

    /** Every metric a run reports, loss first, then as the runs report them. */
    List<String> metrics() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("loss");
        for (Run r : log.runs()) {
            keys.addAll(r.finalMetrics().keySet());
        }
        return List.copyOf(keys);
    }

    /** The metric the chart starts on: validation accuracy when there is one, else what comes closest. */
    String defaultMetric() {
        List<String> m = metrics();
        for (String k : List.of("val_accuracy", "accuracy", "val_loss")) {
            if (m.contains(k)) {
                return k;
            }
        }
        return "loss";
    }

    /** The curve of one run: its epochs at x = its start + epoch, with the metric's values where it has them. */
    Series curve(Run r, String metric, int colour) {
        String[] c = COLOURS[colour % COLOURS.length];
        Series s = new Series(r.id(), c[0], c[1]);
        List<EpochEvent> h = r.history();
        for (int i = 0; i < h.size(); i++) {
            double v = h.get(i).get(metric);
            if (!Double.isNaN(v)) {
                s.add(r.startEpoch() + i + 1, v);
            }
        }
        return s;
    }

    /** The colour index of a run's curve among the chosen (as {@link #curves} gives them), or -1 when not chosen. */
    int colourOf(String id, List<String> chosen) {
        int colour = 0;
        for (Run r : log.runs()) {
            if (chosen.contains(r.id())) {
                if (r.id().equals(id)) {
                    return colour % COLOURS.length;
                }
                colour++;
            }
        }
        return -1;
    }

    /** The chosen runs' curves, in the order of the table (the colour follows the run's place in the selection). */
    List<Series> curves(List<String> ids, String metric) {
        List<Series> out = new ArrayList<>();
        int colour = 0;
        for (Run r : log.runs()) {
            if (ids.contains(r.id())) {
                out.add(curve(r, metric, colour++));
            }
        }
        return out;
    }
}
