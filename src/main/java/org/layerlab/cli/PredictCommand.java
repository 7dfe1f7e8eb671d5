package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.layerlab.nn.graph.GanChecks;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectSession;

/**
 * {@code predict PROJECT --input FILE [--top K] [--format text|csv|json] [--id COLUMN]}: runs the
 * trained network on new data prepared as the training data was (see {@link PredictInputs}) and
 * prints per row the best class and its probability, the K best, or the predicted values
 * ({@link PredictionWriter}).
 */
final class PredictCommand {
    static final String USAGE = "predict PROJECT --input FILE [--top K] [--format text|csv|json] [--id COLUMN]";
    private final PrintStream out;

    PredictCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) throws IOException {
        Args args = new Args(argv, Set.of("input", "top", "format", "id"), Set.of());
        Path file = ProjectArgs.path(args, USAGE);
        String input = args.get("input", null);
        if (input == null) {
            throw new UserError("usage: " + USAGE);
        }
        int top = args.intValue("top", 1);
        if (top < 1) {
            throw new UserError("--top must be 1 or more");
        }
        PredictionWriter.Format format = PredictionWriter.format(args.get("format", "text"));
        String id = args.get("id", null);
        Path inputFile = CliPaths.of(input, "--input file");
        Project p = ProjectArgs.load(file);
        if (GanChecks.seamOf(p.graph()) != null) {
            throw new UserError(file.getFileName() + " is a GAN: its network takes noise and judges images, there is"
                    + " nothing to predict from a file. Run 'sample' to write what its generator makes.");
        }
        // An autoencoder reads its inputs as its data does; only its target differs.
        DatasetSource d = p.dataset() == null ? null : p.dataset().underlying();
        boolean images = d instanceof DatasetSource.Idx || d instanceof DatasetSource.ImageFolder;
        if (!Files.isRegularFile(inputFile) && !(images && Files.isDirectory(inputFile))) {
            throw new UserError("the --input file " + inputFile + " does not exist: give " + (images
                    ? "an image, a folder of images or an IDX file" : "a CSV file with the training's feature columns"));
        }
        if (!p.isTrained()) {
            throw new UserError(file.getFileName() + " has no trained weights yet: run 'train' first");
        }
        if (id != null && images) {
            throw new UserError("--id names a CSV column; images are named by their files");
        }
        ProjectSession s = ProjectArgs.openToRun(p, file);
        PredictInputs.Rows rows;
        if (d instanceof DatasetSource.Csv csv) {
            rows = PredictInputs.csv(s, csv, inputFile, id);
        } else if (d instanceof DatasetSource.Text text) {
            rows = PredictInputs.text(s, text, inputFile, id);
        } else if (images) {
            rows = PredictInputs.images(s, inputFile);
        } else {
            throw new UserError("predict reads CSV rows, text or images, but this project trains on " + d.describe()
                    + ": its forecasts and generated text are in the window's Forecast and Samples tabs");
        }
        PredictionWriter.write(out, s.network().predict(rows.x()), s.data().train().classNames(), rows.ids(), top, format);
        return 0;
    }
}
