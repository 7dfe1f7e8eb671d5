package org.layerlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.layerlab.engine.Tensor;

/**
 * predict's output: per row the best class and its probability (or the K best), or the regressed
 * values, as tab-separated text, CSV with a header, or JSON. Probabilities and values to 6
 * significant digits; a row's id (the --id column, an image's file) leads when there is one.
 */
final class PredictionWriter {
    enum Format { TEXT, CSV, JSON }

    private record Ranked(String name, float probability) {
    }

    private PredictionWriter() {
    }

    static Format format(String word) {
        try {
            return Format.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--format " + word + ": choose text, csv or json");
        }
    }

    static void write(PrintStream out, Tensor y, List<String> classes, List<String> ids, int top, Format format) {
        int n = y.batch();
        int outs = y.sampleSize();
        boolean classify = !classes.isEmpty();
        int k = classify ? Math.max(1, Math.min(top, Math.max(classes.size(), outs == 1 ? 2 : outs))) : 0;
        JsonArray json = new JsonArray();
        if (format == Format.CSV) {
            out.println(header(ids != null, classify, k, outs));
        }
        for (int r = 0; r < n; r++) {
            String id = ids == null ? null : ids.get(r);
            List<String> cells = new ArrayList<>();
            JsonObject row = new JsonObject();
            if (id != null) {
                cells.add(id);
                row.addProperty("id", id);
            }
            if (classify) {
                List<Ranked> ranked = rank(y, r, outs, classes).subList(0, k);
                JsonArray best = new JsonArray();
                for (Ranked c : ranked) {
                    cells.add(c.name());
                    cells.add(g6(c.probability()));
                    JsonObject o = new JsonObject();
                    o.addProperty("class", c.name());
                    o.addProperty("probability", Double.parseDouble(g6(c.probability())));
                    best.add(o);
                }
                row.addProperty("class", ranked.get(0).name());
                row.addProperty("probability", Double.parseDouble(g6(ranked.get(0).probability())));
                if (k > 1) {
                    row.add("top", best);
                }
            } else {
                JsonArray values = new JsonArray();
                for (int j = 0; j < outs; j++) {
                    float v = y.get(r * outs + j);
                    cells.add(g6(v));
                    values.add(Float.isFinite(v) ? Double.parseDouble(g6(v)) : Double.NaN);
                }
                row.add("values", values);
            }
            switch (format) {
                case TEXT -> out.println(String.join("\t", cells));
                case CSV -> out.println(String.join(",", cells.stream().map(PredictionWriter::csvCell).toList()));
                case JSON -> json.add(row);
            }
        }
        if (format == Format.JSON) {
            out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(json));
        }
    }

    /** The classes by probability, highest first; a single sigmoid output stands for class 1 against class 0. */
    private static List<Ranked> rank(Tensor y, int r, int outs, List<String> classes) {
        List<Ranked> out = new ArrayList<>();
        if (outs == 1) {
            float p = y.get(r);
            out.add(new Ranked(name(classes, 1), p));
            out.add(new Ranked(name(classes, 0), 1 - p));
        } else {
            for (int j = 0; j < outs; j++) {
                out.add(new Ranked(name(classes, j), y.get(r * outs + j)));
            }
        }
        out.sort(Comparator.comparingDouble((Ranked c) -> c.probability()).reversed());
        return out;
    }

    private static String name(List<String> classes, int i) {
        return i < classes.size() ? classes.get(i) : Integer.toString(i);
    }

    private static String header(boolean id, boolean classify, int k, int outs) {
        List<String> h = new ArrayList<>();
        if (id) {
            h.add("id");
        }
        if (classify) {
            for (int i = 1; i <= k; i++) {
                h.add(i == 1 ? "class" : "class_" + i);
                h.add(i == 1 ? "probability" : "probability_" + i);
            }
        } else {
            for (int j = 1; j <= outs; j++) {
                h.add(outs == 1 ? "value" : "value_" + j);
            }
        }
        return String.join(",", h);
    }

    /** 6 significant digits, without an exponent for ordinary sizes: 0.912345, 12.3457, 1.00000e-07. */
    static String g6(float v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
