package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.layerlab.data.CsvTable;
import org.layerlab.data.DataException;
import org.layerlab.engine.Tensor;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectSession;

/**
 * {@code predict PROJECT --input CSV}: runs the trained network on the rows of a CSV with the
 * same feature columns (a target column, if present, is ignored), normalized as in training, and
 * prints one line per row: the class and its probability, or the predicted values.
 */
final class PredictCommand {
    private final PrintStream out;

    PredictCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) throws IOException {
        Args args = new Args(argv, Set.of("input"), Set.of());
        Path file = ProjectArgs.path(args, "predict PROJECT --input CSV");
        String input = args.get("input", null);
        if (input == null) {
            throw new UserError("usage: predict PROJECT --input CSV");
        }
        Project p = ProjectArgs.load(file);
        if (!p.isTrained()) {
            throw new UserError(file.getFileName() + " has no trained weights yet: run 'train' first");
        }
        if (!(p.dataset() instanceof DatasetSource.Csv csv)) {
            throw new UserError("predict reads CSV rows, but this project trains on " + p.dataset().describe());
        }
        ProjectSession s = ProjectArgs.openValid(p, file);
        int features = s.network().inputShape().size();
        CsvTable table;
        try {
            table = CsvTable.read(Path.of(input));
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
        List<Integer> cols = featureColumns(table, csv, features);
        int n = table.rows().size();
        float[] x = new float[n * features];
        for (int r = 0; r < n; r++) {
            for (int f = 0; f < features; f++) {
                String cell = table.rows().get(r)[cols.get(f)];
                if (!CsvTable.isNumber(cell)) {
                    throw new UserError(input + " line " + table.lineNumbers().get(r) + ", column '"
                            + table.header().get(cols.get(f)) + "': '" + cell + "' is not a number");
                }
                float v = Float.parseFloat(cell);
                x[r * features + f] = csv.offset() == null ? v : (v - csv.offset()[f]) / csv.scale()[f];
            }
        }
        Tensor y = s.network().predict(Tensor.wrap(x, n, features));
        List<String> classes = s.data().train().classNames();
        int outs = y.sampleSize();
        for (int r = 0; r < n; r++) {
            if (!classes.isEmpty()) {
                int best = 0;
                float prob;
                if (outs == 1) {
                    prob = y.get(r);
                    best = prob > 0.5f ? 1 : 0;
                    prob = best == 1 ? prob : 1 - prob;
                } else {
                    for (int j = 1; j < outs; j++) {
                        if (y.get(r * outs + j) > y.get(r * outs + best)) {
                            best = j;
                        }
                    }
                    prob = y.get(r * outs + best);
                }
                out.printf("%s\t%.4f%n", best < classes.size() ? classes.get(best) : Integer.toString(best), prob);
            } else {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < outs; j++) {
                    sb.append(j == 0 ? "" : "\t").append(String.format("%.6g", y.get(r * outs + j)));
                }
                out.println(sb);
            }
        }
        return 0;
    }

    /** Feature columns by the training file's names when the input has a header, else by position. */
    private static List<Integer> featureColumns(CsvTable table, DatasetSource.Csv csv, int features) {
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            String name = table.header().get(c);
            if (csv.target() != null && name.equalsIgnoreCase(csv.target())
                    || csv.ignore().stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            cols.add(c);
        }
        if (cols.size() == features + 1 && csv.target() == null) {
            cols.remove(cols.size() - 1);
        }
        if (cols.size() != features) {
            throw new UserError("the network takes " + features + " features per row but the input has " + cols.size()
                    + " columns (besides the target)");
        }
        return cols;
    }
}
