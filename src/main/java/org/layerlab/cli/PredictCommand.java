package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.layerlab.data.CsvTable;
import org.layerlab.data.DataException;
import org.layerlab.data.FeatureEncoder;
import org.layerlab.data.Tokenizer;
import org.layerlab.engine.Tensor;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectSession;

/**
 * {@code predict PROJECT --input CSV}: runs the trained network on the rows of a CSV with the
 * same feature columns (a target column, if present, is ignored), encoded (categories one-hot,
 * gaps filled if training filled them) and normalized as in training, and
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
        Path inputFile = CliPaths.of(input, "--input file");
        if (!Files.isRegularFile(inputFile)) {
            throw new UserError("the --input file " + inputFile + " does not exist: give a CSV file with the training's"
                    + " feature columns");
        }
        Project p = ProjectArgs.load(file);
        if (!p.isTrained()) {
            throw new UserError(file.getFileName() + " has no trained weights yet: run 'train' first");
        }
        if (p.dataset() instanceof DatasetSource.Text text) {
            return predictText(p, file, inputFile, text);
        }
        if (!(p.dataset() instanceof DatasetSource.Csv csv)) {
            throw new UserError("predict reads CSV rows or text, but this project trains on " + p.dataset().describe());
        }
        ProjectSession s = ProjectArgs.openToRun(p, file);
        int features = s.network().inputShape().size();
        CsvTable table;
        try {
            table = CsvTable.read(inputFile);
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
        // The encoding fitted when the session loaded the training file, not a second read of it.
        FeatureEncoder encoder = s.data().encoder();
        if (encoder.width() != features) {
            throw new UserError("the network takes " + features + " inputs but " + csv.path() + " now gives "
                    + encoder.width() + ": the training file changed since training; train again");
        }
        int[] source = inputColumns(table, csv, encoder);
        int n = table.rows().size();
        float[] x = new float[n * features];
        String[] cells = new String[encoder.columns().stream().mapToInt(FeatureEncoder.Column::index).max().orElse(0) + 1];
        for (int r = 0; r < n; r++) {
            String[] row = table.rows().get(r);
            for (int j = 0; j < source.length; j++) {
                cells[encoder.columns().get(j).index()] = row[source[j]];
            }
            String problem = encoder.encode(cells, x, r * features);
            if (problem != null) {
                throw new UserError(input + " line " + table.lineNumbers().get(r) + ": " + problem);
            }
            for (int f = 0; f < features && csv.offset() != null; f++) {
                x[r * features + f] = (x[r * features + f] - csv.offset()[f]) / csv.scale()[f];
            }
        }
        print(s.network().predict(Tensor.wrap(x, n, features)), s.data().train().classNames());
        return 0;
    }

    /**
     * Text rows: the CSV's column named as the training's text column (or its only column), cut
     * into tokens with the project's saved vocabulary, as training saw them.
     */
    private int predictText(Project p, Path file, Path inputFile, DatasetSource.Text text) throws IOException {
        ProjectSession s = ProjectArgs.openToRun(p, file);
        CsvTable table;
        try {
            table = CsvTable.read(inputFile);
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
        int column;
        try {
            column = table.columnCount() == 1 ? 0 : table.column(text.textColumn());
        } catch (DataException e) {
            throw new UserError(inputFile.getFileName() + " has no column '" + text.textColumn() + "' (the training's text"
                    + " column) and more than one column: name the text column so");
        }
        Tokenizer tokenizer = ((DatasetSource.Text) s.data().source()).tokenizer();
        int n = table.rows().size();
        float[] x = new float[n * text.length()];
        for (int r = 0; r < n; r++) {
            String[] row = table.rows().get(r);
            tokenizer.encode(column < row.length ? row[column] : "", text.length(), x, r * text.length());
        }
        print(s.network().predict(Tensor.wrap(x, n, text.length())), s.data().train().classNames());
        return 0;
    }

    /** One line per row: the class and its probability, or the regressed values. */
    private void print(Tensor y, List<String> classes) {
        int n = y.batch();
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
    }

    /**
     * For each training feature column, the input column that holds it: by name when the input's
     * header has every name, else by position (the input's columns minus target and left-out ones).
     */
    private static int[] inputColumns(CsvTable table, DatasetSource.Csv csv, FeatureEncoder encoder) {
        List<FeatureEncoder.Column> wanted = encoder.columns();
        int[] byName = new int[wanted.size()];
        boolean allNamed = true;
        for (int j = 0; j < wanted.size() && allNamed; j++) {
            byName[j] = indexOf(table.header(), wanted.get(j).name());
            allNamed = byName[j] >= 0;
        }
        if (allNamed) {
            return byName;
        }
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            String name = table.header().get(c);
            if (csv.target() != null && name.equalsIgnoreCase(csv.target())
                    || csv.ignore().stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            cols.add(c);
        }
        if (cols.size() == wanted.size() + 1 && csv.target() == null) {
            cols.remove(cols.size() - 1);
        }
        if (cols.size() != wanted.size()) {
            throw new UserError("the network was trained on the columns "
                    + String.join(", ", wanted.stream().map(FeatureEncoder.Column::name).toList()) + " but the input has "
                    + cols.size() + " columns besides the target, and not all of those names");
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
