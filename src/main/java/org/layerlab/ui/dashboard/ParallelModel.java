package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.layerlab.training.runs.Run;

/**
 * The view-model of the parallel-coordinates chart: one axis per setting that differs among the
 * runs (at most {@link #MAX_AXES}, the ones with most distinct values first) and one for the
 * metric; each run a line through its values. Numbers get a numeric axis, logarithmic when they
 * are all positive and span more than 20×; anything else (an optimizer's name) one tick per value.
 * A range dragged on an axis filters: runs outside every axis's range are left out. No JavaFX.
 */
final class ParallelModel {
    static final int MAX_AXES = 8;

    /** One axis: its key, its ticks (categorical) or range (numeric), and the range kept, in 0..1 (bottom to top). */
    static final class Axis {
        final String key;
        final List<String> categories;
        final double min;
        final double max;
        final boolean log;
        double keepLow = 0;
        double keepHigh = 1;

        Axis(String key, List<String> categories, double min, double max, boolean log) {
            this.key = key;
            this.categories = categories;
            this.min = min;
            this.max = max;
            this.log = log;
        }

        boolean numeric() {
            return categories == null;
        }

        boolean filtered() {
            return keepLow > 0 || keepHigh < 1;
        }

        /** Where value sits on the axis, 0 (bottom) to 1 (top); NaN when the run has none. */
        double position(String value) {
            if (value == null) {
                return Double.NaN;
            }
            if (!numeric()) {
                int i = categories.indexOf(value);
                return i < 0 ? Double.NaN : categories.size() == 1 ? 0.5 : (double) i / (categories.size() - 1);
            }
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
            if (max == min) {
                return 0.5;
            }
            return log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (v - min) / (max - min);
        }

        /** The value at a position, for the axis's labels and a filter's read-out. */
        double valueAt(double t) {
            return log ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min))) : min + t * (max - min);
        }
    }

    private List<Run> runs = List.of();
    private final List<Axis> axes = new ArrayList<>();
    private String metric = "loss";
    /** Filters kept by key across a refill, so a run ending does not undo the user's brushing. */
    private final Map<String, double[]> kept = new HashMap<>();

    void show(List<Run> all, String metricKey) {
        for (Axis a : axes) {
            if (a.filtered()) {
                kept.put(a.key, new double[] {a.keepLow, a.keepHigh});
            } else {
                kept.remove(a.key);
            }
        }
        runs = List.copyOf(all);
        metric = metricKey;
        axes.clear();
        List<String> keys = varying(all);
        for (String k : keys) {
            axes.add(axis(k, all.stream().map(r -> r.settings().get(k)).toList()));
        }
        axes.add(axis(metricKey, all.stream().map(r -> {
            double v = r.metric(metricKey);
            return Double.isNaN(v) ? null : Double.toString(v);
        }).toList()));
        for (Axis a : axes) {
            double[] f = kept.get(a.key);
            if (f != null) {
                a.keepLow = f[0];
                a.keepHigh = f[1];
            }
        }
    }

    /** The settings that differ among the runs, those with most distinct values first (ties by name). */
    static List<String> varying(List<Run> all) {
        Map<String, Set<String>> values = new HashMap<>();
        Set<String> keys = new TreeSet<>();
        for (Run r : all) {
            keys.addAll(r.settings().keySet());
        }
        for (String k : keys) {
            Set<String> v = new LinkedHashSet<>();
            for (Run r : all) {
                v.add(String.valueOf(r.settings().get(k)));
            }
            values.put(k, v);
        }
        return keys.stream().filter(k -> values.get(k).size() > 1)
                .sorted((a, b) -> values.get(b).size() != values.get(a).size()
                        ? values.get(b).size() - values.get(a).size() : a.compareTo(b))
                .limit(MAX_AXES).toList();
    }

    private static Axis axis(String key, List<String> values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean numeric = true;
        List<String> categories = new ArrayList<>();
        for (String v : values) {
            if (v == null) {
                continue;
            }
            if (!categories.contains(v)) {
                categories.add(v);
            }
            try {
                double d = Double.parseDouble(v);
                min = Math.min(min, d);
                max = Math.max(max, d);
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        if (!numeric || categories.isEmpty()) {
            categories.sort(String::compareTo);
            return new Axis(key, categories, 0, 0, false);
        }
        return new Axis(key, null, min, max, min > 0 && max / min > 20);
    }

    List<Axis> axes() {
        return axes;
    }

    List<Run> runs() {
        return runs;
    }

    String metric() {
        return metric;
    }

    /** Whether a run passes every axis's filter (a run without a value on a filtered axis does not). */
    boolean passes(Run r) {
        for (Axis a : axes) {
            if (!a.filtered()) {
                continue;
            }
            double p = a.position(value(r, a));
            if (Double.isNaN(p) || p < a.keepLow - 1e-9 || p > a.keepHigh + 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** The run's value on the axis, as text. */
    String value(Run r, Axis a) {
        if (a.key.equals(metric) && a == axes.get(axes.size() - 1)) {
            double v = r.metric(metric);
            return Double.isNaN(v) ? null : Double.toString(v);
        }
        return r.settings().get(a.key);
    }

    List<String> passing() {
        return runs.stream().filter(this::passes).map(Run::id).toList();
    }

    /** Keeps the part of axis i between two positions (in any order); a range too small to mean anything clears it. */
    void filter(int i, double a, double b) {
        Axis axis = axes.get(i);
        double lo = Math.max(0, Math.min(a, b));
        double hi = Math.min(1, Math.max(a, b));
        if (hi - lo < 0.01) {
            axis.keepLow = 0;
            axis.keepHigh = 1;
        } else {
            axis.keepLow = lo;
            axis.keepHigh = hi;
        }
    }

    void clearFilters() {
        axes.forEach(a -> {
            a.keepLow = 0;
            a.keepHigh = 1;
        });
        kept.clear();
    }
}
