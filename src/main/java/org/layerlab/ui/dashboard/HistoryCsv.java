package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.layerlab.training.EpochEvent;

/** A run's per-epoch history as CSV: epoch, seconds, learning_rate, then one column per metric. */
public final class HistoryCsv {
    private HistoryCsv() {
    }

    public static String of(List<EpochEvent> history) {
        Set<String> keys = new LinkedHashSet<>();
        history.forEach(e -> keys.addAll(e.metrics().keySet()));
        List<String> cols = new ArrayList<>(keys);
        StringBuilder sb = new StringBuilder("epoch,seconds,learning_rate");
        cols.forEach(c -> sb.append(',').append(c));
        sb.append('\n');
        for (EpochEvent e : history) {
            sb.append(e.epoch()).append(',').append(String.format(Locale.ROOT, "%.3f", e.seconds())).append(',')
                    .append(String.format(Locale.ROOT, "%.6g", e.learningRate()));
            for (String c : cols) {
                double v = e.get(c);
                sb.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
