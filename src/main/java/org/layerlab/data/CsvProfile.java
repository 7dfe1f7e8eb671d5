package org.layerlab.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a CSV table holds, column by column, for the import dialog: each column's detected type
 * (numeric, categorical, text, empty), missing values and distinct values, and the problems that
 * would stop training with a given target, explained before any training starts.
 */
public final class CsvProfile {
    /** A column's detected kind. */
    public enum Type { NUMERIC, CATEGORICAL, TEXT, EMPTY }

    /** One column: name, kind, how many cells are missing, how many distinct values. */
    public record Column(String name, Type type, int missing, int distinct) {
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
            boolean numeric = true;
            Set<String> distinct = new HashSet<>();
            for (String[] row : table.rows()) {
                String v = row[c];
                if (v.isEmpty() || v.equalsIgnoreCase("nan") || v.equals("?")) {
                    missing++;
                    continue;
                }
                numeric &= CsvTable.isNumber(v);
                if (distinct.size() <= 1000) {
                    distinct.add(v);
                }
            }
            Type type = missing == rows ? Type.EMPTY : numeric ? Type.NUMERIC
                    : distinct.size() <= Math.max(20, rows / 10) ? Type.CATEGORICAL : Type.TEXT;
            columns.add(new Column(table.header().get(c), type, missing, distinct.size()));
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

    /** Problems that would stop or spoil training with this target and these ignored columns. */
    public List<String> problems(int target, Set<Integer> ignored, CsvLoader.Task task) {
        List<String> out = new ArrayList<>();
        int numericFeatures = 0;
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (c == target || ignored.contains(c)) {
                continue;
            }
            if (col.type() == Type.NUMERIC) {
                numericFeatures++;
            } else if (col.type() != Type.EMPTY) {
                out.add("Column '" + col.name() + "' is " + col.type().name().toLowerCase()
                        + ", not numbers: ignore it (one-hot encoding of categories is not available yet)");
            }
            if (col.missingShare(rows()) >= 0.4) {
                out.add(String.format("Column '%s' is missing %.0f%% of its values: ignore it, or rows with gaps are dropped",
                        col.name(), 100 * col.missingShare(rows())));
            } else if (col.missing() > 0) {
                out.add("Column '" + col.name() + "' has " + col.missing() + " missing value(s): those rows are dropped");
            }
        }
        if (numericFeatures == 0) {
            out.add("No numeric feature column is left: the network would have nothing to learn from");
        }
        Column t = columns.get(target);
        if (task == CsvLoader.Task.CLASSIFICATION && t.distinct() < 2) {
            out.add("The target '" + t.name() + "' has only one class: there is nothing to tell apart");
        }
        if (task == CsvLoader.Task.REGRESSION && t.type() != Type.NUMERIC) {
            out.add("The target '" + t.name() + "' is not numeric, so it cannot be a regression target: choose classification");
        }
        return out;
    }
}
