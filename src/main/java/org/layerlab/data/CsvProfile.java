package org.layerlab.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.layerlab.nn.network.Network;

/**
 * What a CSV table holds, column by column, for the import dialog: each column's detected type
 * (numeric, categorical, text, empty), missing values and distinct values, and the problems that
 * would stop or spoil training with a given target, explained before any training starts.
 */
public final class CsvProfile {
    /** A column's detected kind: categorical columns become one-hot inputs, text ones cannot be used. */
    public enum Type { NUMERIC, CATEGORICAL, TEXT, EMPTY }

    /**
     * One column: name, kind, missing cells, distinct present values (counted up to 1,001), and
     * cells that are not numbers in an otherwise numeric column (typos, units, placeholders).
     */
    public record Column(String name, Type type, int missing, int distinct, int stray) {
        public double missingShare(int rows) {
            return rows == 0 ? 0 : (double) missing / rows;
        }
    }

    private final CsvTable table;
    private final List<Column> columns = new ArrayList<>();

    public CsvProfile(CsvTable table) {
        this.table = table;
        int rows = table.rows().size();
        for (int c = 0; c < table.columnCount(); c++) {
            int missing = 0;
            int notNumbers = 0;
            Set<String> distinct = new HashSet<>();
            for (String[] row : table.rows()) {
                String v = row[c];
                if (FeatureEncoder.isMissing(v)) {
                    missing++;
                    continue;
                }
                notNumbers += CsvTable.isNumber(v) ? 0 : 1;
                if (distinct.size() <= 1000) {
                    distinct.add(v);
                }
            }
            boolean numeric = FeatureEncoder.mostlyNumbers(rows - missing, rows - missing - notNumbers);
            Type type = missing == rows ? Type.EMPTY : numeric ? Type.NUMERIC
                    : distinct.size() <= FeatureEncoder.MAX_CATEGORIES ? Type.CATEGORICAL : Type.TEXT;
            columns.add(new Column(table.header().get(c), type, missing, distinct.size(), numeric ? notNumbers : 0));
        }
    }

    public CsvTable table() {
        return table;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rows() {
        return table.rows().size();
    }

    /** Classification when the target is text or a few whole numbers, else regression. */
    public CsvLoader.Task detectTask(int target) {
        return CsvLoader.detectTask(table, target);
    }

    /** Network inputs per row with this target and these columns left out (categories spread one-hot). */
    public int inputs(int target, Set<Integer> ignored) {
        int n = 0;
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (c != target && !ignored.contains(c)) {
                n += col.type() == Type.NUMERIC ? 1 : col.type() == Type.CATEGORICAL ? col.distinct() : 0;
            }
        }
        return n;
    }

    /** Problems that would stop or spoil training with this target, ignored columns and gap policy. */
    public List<String> problems(int target, Set<Integer> ignored, CsvLoader.Task task, FeatureEncoder.Missing gaps) {
        List<String> out = new ArrayList<>();
        int features = 0;
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (c == target || ignored.contains(c)) {
                continue;
            }
            switch (col.type()) {
                case NUMERIC, CATEGORICAL -> features++;
                case TEXT -> out.add("Column '" + col.name() + "' holds free text (" + col.distinct()
                        + (col.distinct() > 1000 ? "+" : "") + " different values, more than "
                        + FeatureEncoder.MAX_CATEGORIES + " categories): leave it out");
                case EMPTY -> out.add("Column '" + col.name() + "' is empty: leave it out");
            }
            if (col.type() == Type.EMPTY || col.type() == Type.TEXT) {
                continue;
            }
            int gapsHere = col.missing() + col.stray();
            String stray = col.stray() == 0 ? "" : " (" + col.stray() + " of them not numbers)";
            if (col.missingShare(rows()) >= 0.4) {
                out.add(String.format("Column '%s' is missing %.0f%% of its values: consider leaving it out",
                        col.name(), 100 * col.missingShare(rows())));
            } else if (gapsHere > 0) {
                out.add("Column '" + col.name() + "' has " + gapsHere + " missing or unreadable value(s)" + stray + ": "
                        + switch (gaps) {
                            case REFUSE -> "training stops at the first; choose to drop or fill them";
                            case DROP_ROWS -> "those rows are dropped";
                            case FILL -> "filled with the column's " + (col.type() == Type.NUMERIC ? "mean" : "most frequent value");
                        });
            }
        }
        if (features == 0) {
            out.add("No usable feature column is left: the network would have nothing to learn from");
        }
        Column t = columns.get(target);
        if (task == CsvLoader.Task.CLASSIFICATION && t.distinct() < 2) {
            out.add("The target '" + t.name() + "' has only one class: there is nothing to tell apart");
        }
        if (task == CsvLoader.Task.REGRESSION && t.type() != Type.NUMERIC) {
            out.add("The target '" + t.name() + "' is not numeric, so it cannot be a regression target: choose classification");
        }
        if (t.missing() > 0) {
            out.add("The target '" + t.name() + "' is missing in " + t.missing() + " row(s): those rows are left out");
        }
        return out;
    }
}
