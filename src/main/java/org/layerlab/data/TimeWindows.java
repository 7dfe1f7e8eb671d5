package org.layerlab.data;

import java.util.ArrayList;
import java.util.List;

import org.layerlab.engine.Shape;

/**
 * A time series from a CSV table cut into windows: each sample is {@code window} consecutive rows
 * of the input columns, shape (window, inputs), and its target is the target column
 * {@code horizon} rows after the window's last row. Windows start every {@code stride} rows.
 *
 * <p>The split is by time, never shuffled across it: rows before the cut (the first 1 − testSplit
 * of the series) train; a window whose target lies after the cut is a test window, though its
 * inputs may reach back before the cut (that is the past a forecast may see). Standardisation is
 * fitted on the rows before the cut only, for every column used, the target included (so losses
 * read alike whatever the units); {@link Result#unscale} maps predictions back.
 */
public final class TimeWindows {
    private TimeWindows() {
    }

    /**
     * @param inputs the columns each step carries (empty: the target column alone)
     * @param target the column forecast
     */
    public record Options(List<String> inputs, String target, int window, int horizon, int stride, double testSplit,
                          boolean standardize) {
        public Options {
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
            if (target == null || target.isBlank()) {
                throw new DataException("a time series needs a target column: the one to forecast");
            }
            if (window < 1 || horizon < 1 || stride < 1) {
                throw new DataException("window, horizon and stride must each be at least 1 (found window " + window
                        + ", horizon " + horizon + ", stride " + stride + ")");
            }
            if (!(testSplit >= 0 && testSplit < 1)) {
                throw new DataException("the test share must be at least 0 and below 1, found " + testSplit);
            }
        }
    }

    /**
     * Training and test windows (test null when testSplit is 0), the columns in the order of
     * offset and scale (inputs, then the target when it is not an input), and, per test window,
     * the row its target comes from, the target column itself and a time axis to plot them on: the
     * table's first column when it is a number in every row and not used (a year, a date as
     * 20261206), else the row number.
     */
    public record Result(ArrayDataset train, ArrayDataset test, List<String> columns, float[] offset, float[] scale,
                         int[] testTargetRows, float[] series, String timeName, float[] time, int horizon) {
        /** A standardised prediction of the target in the data's own units. */
        public float unscale(float value) {
            int t = columns.size() - 1;
            return value * scale[t] + offset[t];
        }
    }

    public static Result build(CsvTable table, Options o, String source) {
        List<String> columns = new ArrayList<>(o.inputs().isEmpty() ? List.of(o.target()) : o.inputs());
        int targetIndex = indexOf(columns, o.target());
        if (targetIndex < 0) {
            columns.add(o.target());
            targetIndex = columns.size() - 1;
        } else if (targetIndex != columns.size() - 1) {
            // The target last, so unscale finds it there; the inputs keep their order.
            columns.remove(targetIndex);
            columns.add(o.target());
            targetIndex = columns.size() - 1;
        }
        int inputs = o.inputs().isEmpty() ? 1 : o.inputs().size();
        int[] inputColumns = new int[inputs];
        for (int i = 0; i < inputs; i++) {
            String name = o.inputs().isEmpty() ? o.target() : o.inputs().get(i);
            inputColumns[i] = indexOf(columns, name);
        }
        int rows = table.rows().size();
        float[][] values = new float[columns.size()][rows];
        for (int c = 0; c < columns.size(); c++) {
            int col = table.column(columns.get(c));
            for (int r = 0; r < rows; r++) {
                String[] row = table.rows().get(r);
                String cell = col < row.length ? row[col].trim() : "";
                if (!CsvTable.isNumber(cell)) {
                    throw new DataException(source + " line " + table.lineNumbers().get(r) + ": column '" + columns.get(c)
                            + "' holds " + (cell.isEmpty() ? "no value" : "'" + cell + "'") + ", but a time series needs a"
                            + " number at every step: fill the gap in the file, or leave the column out");
                }
                values[c][r] = Float.parseFloat(cell.replace(',', '.'));
            }
        }
        int needed = o.window() + o.horizon();
        if (rows < needed) {
            throw new DataException(source + " has " + rows + " rows; a window of " + o.window() + " steps and a horizon of "
                    + o.horizon() + " need at least " + needed + ": shorten the window");
        }
        int cut = o.testSplit() > 0 ? (int) Math.round(rows * (1 - o.testSplit())) : rows;
        if (cut < needed) {
            throw new DataException("the training part (" + cut + " of " + rows + " rows) is shorter than one window and its"
                    + " target (" + needed + " rows): lower the test share or shorten the window");
        }
        float[] offset = new float[columns.size()];
        float[] scale = new float[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            double sum = 0;
            for (int r = 0; r < cut; r++) {
                sum += values[c][r];
            }
            double mean = sum / cut;
            double sq = 0;
            for (int r = 0; r < cut; r++) {
                sq += (values[c][r] - mean) * (values[c][r] - mean);
            }
            double std = Math.sqrt(sq / cut);
            offset[c] = o.standardize() ? (float) mean : 0f;
            scale[c] = o.standardize() && std > 0 ? (float) std : 1f;
        }
        float[] series = values[targetIndex].clone();
        List<Integer> trainStarts = new ArrayList<>();
        List<Integer> testStarts = new ArrayList<>();
        for (int s = 0; s + needed <= rows; s += o.stride()) {
            int targetRow = s + o.window() - 1 + o.horizon();
            (targetRow < cut ? trainStarts : testStarts).add(s);
        }
        if (o.testSplit() > 0 && testStarts.isEmpty()) {
            throw new DataException("the test part (" + (rows - cut) + " rows) holds no window's target: raise the test share"
                    + " or lower the horizon");
        }
        Shape shape = Shape.of(o.window(), inputs);
        ArrayDataset train = windows(trainStarts, values, inputColumns, targetIndex, o, offset, scale, shape);
        ArrayDataset test = o.testSplit() > 0
                ? windows(testStarts, values, inputColumns, targetIndex, o, offset, scale, shape) : null;
        int[] testRows = testStarts.stream().mapToInt(s -> s + o.window() - 1 + o.horizon()).toArray();
        return new Result(train, test, List.copyOf(columns), offset, scale, testRows, series, timeName(table, columns),
                timeAxis(table, columns), o.horizon());
    }

    private static ArrayDataset windows(List<Integer> starts, float[][] values, int[] inputColumns, int targetIndex,
                                        Options o, float[] offset, float[] scale, Shape shape) {
        int per = shape.size();
        float[] x = new float[starts.size() * per];
        float[] y = new float[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            int s = starts.get(i);
            for (int t = 0; t < o.window(); t++) {
                for (int f = 0; f < inputColumns.length; f++) {
                    int c = inputColumns[f];
                    x[i * per + t * inputColumns.length + f] = (values[c][s + t] - offset[c]) / scale[c];
                }
            }
            int targetRow = s + o.window() - 1 + o.horizon();
            y[i] = (values[targetIndex][targetRow] - offset[targetIndex]) / scale[targetIndex];
        }
        return new ArrayDataset(x, shape, y, 1, List.of());
    }

    private static boolean firstColumnIsTime(CsvTable table, List<String> columns) {
        if (table.columnCount() < 2 || indexOf(columns, table.header().get(0)) >= 0) {
            return false;
        }
        for (String[] row : table.rows()) {
            if (row.length == 0 || !CsvTable.isNumber(row[0].trim())) {
                return false;
            }
        }
        return true;
    }

    private static String timeName(CsvTable table, List<String> columns) {
        return firstColumnIsTime(table, columns) ? table.header().get(0) : "row";
    }

    private static float[] timeAxis(CsvTable table, List<String> columns) {
        boolean time = firstColumnIsTime(table, columns);
        float[] t = new float[table.rows().size()];
        for (int r = 0; r < t.length; r++) {
            t[r] = time ? Float.parseFloat(table.rows().get(r)[0].trim().replace(',', '.')) : r + 1;
        }
        return t;
    }

    private static int indexOf(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        return -1;
    }
}
