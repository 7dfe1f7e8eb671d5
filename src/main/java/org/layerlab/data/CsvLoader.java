package org.layerlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a CSV table into a dataset: every column but the target and the ignored ones is a
 * numeric feature; the target is a class (text labels become class indices, names kept in order
 * of first appearance; integer labels become classes 0..k−1) or a regression value.
 */
public final class CsvLoader {
    /** What the target column means. */
    public enum Task { AUTO, CLASSIFICATION, REGRESSION }

    /** Loading choices; the defaults take the last column as target and detect the task. */
    public record Options(String target, Task task, List<String> ignore, boolean dropIncompleteRows) {
        public static Options defaults() {
            return new Options(null, Task.AUTO, List.of(), false);
        }

        public Options withTarget(String t) {
            return new Options(t, task, ignore, dropIncompleteRows);
        }

        public Options withTask(Task t) {
            return new Options(target, t, ignore, dropIncompleteRows);
        }

        public Options droppingIncompleteRows() {
            return new Options(target, task, ignore, true);
        }
    }

    private CsvLoader() {
    }

    public static ArrayDataset load(Path file, Options options) throws IOException {
        return fromTable(CsvTable.read(file), options, file.getFileName().toString());
    }

    public static ArrayDataset fromTable(CsvTable table, Options options, String source) {
        int targetCol = options.target() == null ? table.columnCount() - 1 : table.column(options.target());
        List<Integer> featureCols = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            if (c != targetCol && !isIgnored(table, c, options.ignore())) {
                featureCols.add(c);
            }
        }
        if (featureCols.isEmpty()) {
            throw new DataException(source + " has no feature column besides the target '" + table.header().get(targetCol) + "'");
        }
        Task task = options.task() == Task.AUTO ? detectTask(table, targetCol) : options.task();
        List<float[]> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            String[] row = table.rows().get(r);
            float[] x = new float[featureCols.size()];
            String problem = null;
            for (int f = 0; f < x.length; f++) {
                int c = featureCols.get(f);
                String cell = row[c];
                if (!CsvTable.isNumber(cell) || cell.equalsIgnoreCase("nan")) {
                    problem = cell.isEmpty() ? "is missing a value" : "has the non-numeric value '" + cell + "'";
                    problem = source + " line " + table.lineNumbers().get(r) + ", column '" + table.header().get(c)
                            + "' " + problem;
                    break;
                }
                x[f] = Float.parseFloat(cell);
            }
            String y = row[targetCol];
            if (problem == null && y.isEmpty()) {
                problem = source + " line " + table.lineNumbers().get(r) + " has no target value in column '"
                        + table.header().get(targetCol) + "'";
            }
            if (problem == null && task == Task.REGRESSION && !CsvTable.isNumber(y)) {
                problem = source + " line " + table.lineNumbers().get(r) + ": the target '" + y
                        + "' is not a number, but the task is regression";
            }
            if (problem != null) {
                if (options.dropIncompleteRows()) {
                    continue;
                }
                throw new DataException(problem + ". Fix the file, ignore that column, or choose to drop incomplete rows.");
            }
            xs.add(x);
            ys.add(y);
        }
        if (xs.isEmpty()) {
            throw new DataException(source + ": no complete rows are left after dropping incomplete ones");
        }
        int f = featureCols.size();
        float[] features = new float[xs.size() * f];
        for (int i = 0; i < xs.size(); i++) {
            System.arraycopy(xs.get(i), 0, features, i * f, f);
        }
        float[] targets = new float[ys.size()];
        List<String> classNames = new ArrayList<>();
        if (task == Task.CLASSIFICATION) {
            classNames = classIndices(ys, targets, source);
        } else {
            for (int i = 0; i < ys.size(); i++) {
                targets[i] = Float.parseFloat(ys.get(i));
            }
        }
        return new ArrayDataset(features, org.layerlab.engine.Shape.of(f), targets, 1, classNames);
    }

    private static boolean isIgnored(CsvTable t, int col, List<String> ignore) {
        for (String name : ignore) {
            if (t.column(name) == col) {
                return true;
            }
        }
        return false;
    }

    /** Text targets, or few distinct whole numbers, mean classes; anything else is regression. */
    static Task detectTask(CsvTable t, int col) {
        Map<String, Integer> distinct = new LinkedHashMap<>();
        boolean allIntegers = true;
        for (String[] row : t.rows()) {
            String v = row[col];
            if (v.isEmpty()) {
                continue;
            }
            if (!CsvTable.isNumber(v)) {
                return Task.CLASSIFICATION;
            }
            double d = Double.parseDouble(v);
            allIntegers &= d == Math.rint(d) && d >= 0;
            distinct.merge(v, 1, Integer::sum);
        }
        return allIntegers && distinct.size() <= Math.max(2, Math.min(50, t.rows().size() / 5))
                ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    private static List<String> classIndices(List<String> ys, float[] targets, String source) {
        boolean integers = ys.stream().allMatch(CsvLoader::isClassInteger);
        List<String> names = new ArrayList<>();
        if (integers) {
            int max = ys.stream().mapToInt(v -> (int) Double.parseDouble(v)).max().orElse(0);
            if (max > 10_000) {
                throw new DataException(source + ": class label " + max + " is too large; class labels must be 0.."
                        + "(number of classes − 1)");
            }
            for (int c = 0; c <= max; c++) {
                names.add(Integer.toString(c));
            }
            for (int i = 0; i < ys.size(); i++) {
                targets[i] = (int) Double.parseDouble(ys.get(i));
            }
            return names;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < ys.size(); i++) {
            targets[i] = index.computeIfAbsent(ys.get(i), k -> index.size());
        }
        names.addAll(index.keySet());
        return names;
    }

    private static boolean isClassInteger(String v) {
        if (!CsvTable.isNumber(v)) {
            return false;
        }
        double d = Double.parseDouble(v);
        return d == Math.rint(d) && d >= 0;
    }
}
