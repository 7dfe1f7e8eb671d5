package org.layerlab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.Shape;

/**
 * Turns a CSV table into a dataset: every column but the target and the ignored ones is a
 * feature (numbers as they are, categories one-hot, see {@link FeatureEncoder}); the target is a class (text labels become class indices, names kept in order
 * of first appearance; integer labels become classes 0..k−1) or a regression value.
 */
public final class CsvLoader {
    /** What the target column means. */
    public enum Task { AUTO, CLASSIFICATION, REGRESSION }

    /**
     * Loading choices; the defaults take the last column as target, detect the task and refuse
     * rows with missing feature values (naming the first one).
     */
    public record Options(String target, Task task, List<String> ignore, FeatureEncoder.Missing missing) {
        public static Options defaults() {
            return new Options(null, Task.AUTO, List.of(), FeatureEncoder.Missing.REFUSE);
        }

        public Options withTarget(String t) {
            return new Options(t, task, ignore, missing);
        }

        public Options withTask(Task t) {
            return new Options(target, t, ignore, missing);
        }

        public Options withMissing(FeatureEncoder.Missing m) {
            return new Options(target, task, ignore, m);
        }

        public Options droppingIncompleteRows() {
            return withMissing(FeatureEncoder.Missing.DROP_ROWS);
        }
    }

    /** The dataset, the encoding that made its features, and how many rows were dropped for gaps. */
    public record Encoded(ArrayDataset data, FeatureEncoder encoder, int droppedRows) {
    }

    private CsvLoader() {
    }

    public static ArrayDataset load(Path file, Options options) throws IOException {
        return fromTable(CsvTable.read(file), options, file.getFileName().toString());
    }

    public static ArrayDataset fromTable(CsvTable table, Options options, String source) {
        return encode(table, options, source).data();
    }

    /** The feature encoding these options give for this table, without building the dataset. */
    public static FeatureEncoder encoder(CsvTable table, Options options, String source) {
        return FeatureEncoder.fit(table, featureColumns(table, options, source), options.missing(), source);
    }

    /** The columns that are features: all but the target and the ignored ones. */
    static List<Integer> featureColumns(CsvTable table, Options options, String source) {
        int targetCol = targetColumn(table, options);
        List<Integer> featureCols = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            if (c != targetCol && !isIgnored(table, c, options.ignore())) {
                featureCols.add(c);
            }
        }
        if (featureCols.isEmpty()) {
            throw new DataException(source + " has no feature column besides the target '" + table.header().get(targetCol) + "'");
        }
        return featureCols;
    }

    public static Encoded encode(CsvTable table, Options options, String source) {
        int targetCol = targetColumn(table, options);
        FeatureEncoder encoder = encoder(table, options, source);
        Task task = options.task() == Task.AUTO ? detectTask(table, targetCol) : options.task();
        int f = encoder.width();
        float[] features = new float[table.rows().size() * f];
        List<String> ys = new ArrayList<>();
        int dropped = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            String[] row = table.rows().get(r);
            if (!encodeRow(encoder, row, targetCol, task, options.missing(), features, ys.size() * f,
                    source + " line " + table.lineNumbers().get(r))) {
                dropped++;
                continue;
            }
            ys.add(row[targetCol]);
        }
        if (ys.isEmpty()) {
            throw new DataException(source + ": no complete rows are left after dropping incomplete ones");
        }
        float[] targets = new float[ys.size()];
        List<String> classNames = new ArrayList<>();
        if (task == Task.CLASSIFICATION) {
            ClassLabels labels = new ClassLabels();
            ys.forEach(labels::add);
            classNames = labels.names(source);
            for (int i = 0; i < ys.size(); i++) {
                targets[i] = labels.index(ys.get(i));
            }
        } else {
            for (int i = 0; i < ys.size(); i++) {
                targets[i] = Float.parseFloat(ys.get(i));
            }
        }
        float[] kept = ys.size() * f == features.length ? features : Arrays.copyOf(features, ys.size() * f);
        ArrayDataset data = new ArrayDataset(kept, Shape.of(f), targets, 1, classNames)
                .withFeatureNames(encoder.featureNames());
        return new Encoded(data, encoder, dropped);
    }

    /**
     * Encodes one row's features into out[at...]; false when the row is left out (no target, or a
     * gap when gaps are dropped). With gaps refused, a gap is an error naming where it is.
     */
    static boolean encodeRow(FeatureEncoder encoder, String[] row, int targetCol, Task task, FeatureEncoder.Missing missing,
                             float[] out, int at, String where) {
        String y = row[targetCol];
        if (FeatureEncoder.isMissing(y)) {
            // Nothing to learn from a row without an answer, and nothing sensible to fill in.
            return false;
        }
        String problem = encoder.encode(row, out, at);
        if (problem == null && task == Task.REGRESSION && !CsvTable.isNumber(y)) {
            problem = "has the target '" + y + "', which is not a number, but the task is regression";
        } else if (problem == null && task == Task.REGRESSION && !FeatureEncoder.isUsable(y)) {
            problem = "has the target '" + y + "', not a finite number of at most " + FeatureEncoder.LARGEST + " in size";
        }
        if (problem == null) {
            return true;
        }
        if (missing != FeatureEncoder.Missing.REFUSE) {
            return false;
        }
        throw new DataException((problem.startsWith("column") ? where + ", " : where + " ") + problem
                + ". Fix the file, leave that column out, or choose to drop or fill incomplete rows.");
    }

    static int targetColumn(CsvTable table, Options options) {
        return options.target() == null ? table.columnCount() - 1 : table.column(options.target());
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
            if (FeatureEncoder.isMissing(v)) {
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
}
