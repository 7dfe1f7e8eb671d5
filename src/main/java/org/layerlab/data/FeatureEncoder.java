package org.layerlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the feature cells of a CSV row into numbers: numeric columns as they are, categorical
 * columns one-hot (one input per category), and missing cells refused, or filled with the
 * column's mean (numbers) or most frequent value (categories). Fitted once on the training file
 * and then applied to every row, including rows given to {@code predict} later, so both see the
 * same columns in the same order.
 */
public final class FeatureEncoder {
    /** What to do with a row that has a missing (or unreadable) feature cell. */
    public enum Missing { REFUSE, DROP_ROWS, FILL }

    /** Beyond this many different values a text column reads as free text or IDs, not categories. */
    public static final int MAX_CATEGORIES = 50;

    /** One feature column of the file and how it becomes inputs. */
    public sealed interface Column permits Numeric, Categorical {
        String name();

        int index();

        int width();
    }

    /** A column of numbers; fill is what a missing cell becomes (NaN when gaps are not filled). */
    public record Numeric(String name, int index, float fill) implements Column {
        @Override
        public int width() {
            return 1;
        }
    }

    /** A column of categories, one input each (sorted, so the order does not depend on row order). */
    public record Categorical(String name, int index, List<String> categories, int fill) implements Column {
        @Override
        public int width() {
            return categories.size();
        }
    }

    private final List<Column> columns;
    private final Missing missing;
    private final int width;
    /** Per column, category → position; empty for numeric columns. */
    private final List<Map<String, Integer>> lookups = new ArrayList<>();

    private FeatureEncoder(List<Column> columns, Missing missing) {
        this.columns = List.copyOf(columns);
        this.missing = missing;
        this.width = columns.stream().mapToInt(Column::width).sum();
        for (Column c : columns) {
            Map<String, Integer> m = new HashMap<>();
            if (c instanceof Categorical k) {
                for (int i = 0; i < k.categories().size(); i++) {
                    m.put(k.categories().get(i), i);
                }
            }
            lookups.add(m);
        }
    }

    /** The largest magnitude a feature may have: float32 reaches 3.4e38, and squares of larger values overflow in training. */
    static final double LARGEST = 1e30;

    /** A number a network can take: finite and at most {@link #LARGEST} in size. */
    static boolean isUsable(String cell) {
        double v = Double.parseDouble(cell);
        return Double.isFinite(v) && Math.abs(v) <= LARGEST;
    }

    /** A missing cell: empty, or one of the placeholders spreadsheets and R write for "no value". */
    public static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals("?") || cell.equalsIgnoreCase("nan") || cell.equalsIgnoreCase("na")
                || cell.equalsIgnoreCase("null");
    }

    /**
     * A column is numeric when most of its present cells are numbers; then the others are typos
     * or placeholders, reported per row rather than turning the column into categories.
     */
    public static boolean mostlyNumbers(int present, int numbers) {
        return present > 0 && numbers * 2 > present;
    }

    /** Fits the encoding of the given columns on every row of the table. */
    public static FeatureEncoder fit(CsvTable t, List<Integer> featureCols, Missing missing, String source) {
        Fitter f = new Fitter(t.header(), featureCols);
        t.rows().forEach(f::add);
        return f.finish(missing, source);
    }

    /**
     * Collects what fitting needs one row at a time (counts, sums, categories), so a file too
     * large to hold as text can be fitted while it streams past.
     */
    public static final class Fitter {
        private final List<String> header;
        private final List<Integer> cols;
        private final int[] present;
        private final int[] numbers;
        private final double[] sums;
        private final int[] unusable;
        private final List<Map<String, Integer>> counts = new ArrayList<>();

        public Fitter(List<String> header, List<Integer> featureCols) {
            this.header = header;
            this.cols = List.copyOf(featureCols);
            int n = cols.size();
            present = new int[n];
            numbers = new int[n];
            sums = new double[n];
            unusable = new int[n];
            for (int j = 0; j < n; j++) {
                counts.add(new TreeMap<>());
            }
        }

        public void add(String[] row) {
            for (int j = 0; j < cols.size(); j++) {
                String cell = row[cols.get(j)];
                if (isMissing(cell)) {
                    continue;
                }
                present[j]++;
                if (CsvTable.isNumber(cell)) {
                    numbers[j]++;
                    // Only usable numbers make the fill value: one "Infinity" must not make it infinite.
                    if (isUsable(cell)) {
                        sums[j] += Double.parseDouble(cell);
                    } else {
                        unusable[j]++;
                    }
                }
                Map<String, Integer> m = counts.get(j);
                // One more than allowed is enough to know a column has too many; the rest would only use memory.
                if (m.size() <= MAX_CATEGORIES || m.containsKey(cell)) {
                    m.merge(cell, 1, Integer::sum);
                }
            }
        }

        public FeatureEncoder finish(Missing missing, String source) {
            List<Column> out = new ArrayList<>();
            for (int j = 0; j < cols.size(); j++) {
                int c = cols.get(j);
                String name = header.get(c);
                if (mostlyNumbers(present[j], numbers[j])) {
                    out.add(new Numeric(name, c, missing == Missing.FILL ? (float) (sums[j] / Math.max(1, numbers[j] - unusable[j])) : Float.NaN));
                    continue;
                }
                Map<String, Integer> m = counts.get(j);
                if (m.isEmpty()) {
                    throw new DataException(source + ": column '" + name + "' has no values at all: leave it out");
                }
                if (m.size() > MAX_CATEGORIES) {
                    throw new DataException(source + ": column '" + name + "' has more than " + MAX_CATEGORIES
                            + " different text values, too many to be categories; it looks like names or IDs: leave it out");
                }
                List<String> categories = new ArrayList<>(m.keySet());
                String mode = m.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                out.add(new Categorical(name, c, categories, missing == Missing.FILL ? categories.indexOf(mode) : -1));
            }
            return new FeatureEncoder(out, missing);
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public Missing missing() {
        return missing;
    }

    /** Inputs per row once categories are spread out. */
    public int width() {
        return width;
    }

    /** Input names: the column name, or "column=category" for one-hot inputs. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(width);
        for (Column c : columns) {
            if (c instanceof Categorical k) {
                k.categories().forEach(v -> names.add(k.name() + "=" + v));
            } else {
                names.add(c.name());
            }
        }
        return names;
    }

    /**
     * Writes the inputs of one row into out[at .. at + width) and returns null, or returns what
     * is wrong with the row ("column 'b' is missing a value") when it cannot be encoded.
     */
    public String encode(String[] row, float[] out, int at) {
        int o = at;
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            String cell = row[c.index()];
            if (c instanceof Numeric n) {
                boolean number = !isMissing(cell) && CsvTable.isNumber(cell);
                if (number && !isUsable(cell)) {
                    // Infinite, NaN or beyond float32's reach: a gap like a missing value, so refuse, drop or fill apply.
                    if (Float.isNaN(n.fill())) {
                        return "column '" + n.name() + "' has '" + cell + "', not a finite number of at most "
                                + LARGEST + " in size: correct it, or let such rows be dropped or filled";
                    }
                    number = false;
                }
                if (!number && Float.isNaN(n.fill())) {
                    return "column '" + n.name() + "' " + (isMissing(cell) ? "is missing a value"
                            : "has the non-numeric value '" + cell + "'");
                }
                out[o++] = number ? Float.parseFloat(cell) : n.fill();
                continue;
            }
            Categorical k = (Categorical) c;
            int hot = isMissing(cell) ? k.fill() : lookups.get(j).getOrDefault(cell, -2);
            if (hot == -1) {
                return "column '" + k.name() + "' is missing a value";
            }
            if (hot == -2) {
                return "column '" + k.name() + "' has '" + cell + "', a category the training data never had (it had "
                        + String.join(", ", k.categories()) + ")";
            }
            Arrays.fill(out, o, o + k.width(), 0f);
            out[o + hot] = 1f;
            o += k.width();
        }
        return null;
    }

}
