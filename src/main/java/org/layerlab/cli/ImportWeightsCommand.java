package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.layerlab.export.pytorch.TorchCheckpoint;
import org.layerlab.nn.ParameterStore;
import org.layerlab.project.DataFiles;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;

/**
 * {@code import-weights PROJECT FILE [--out FILE]}: weights trained elsewhere (the PyTorch export's
 * checkpoint.safetensors) back into the project, so its views, evaluate and predict use them.
 */
final class ImportWeightsCommand {
    static final String USAGE = "import-weights PROJECT FILE [--out FILE]";
    private final PrintStream out;

    ImportWeightsCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) throws IOException {
        Args args = new Args(argv, Set.of("out"), Set.of());
        if (args.positional().size() != 2) {
            throw new UserError("usage: " + USAGE);
        }
        Path file = ProjectArgs.path(new Args(List.of(args.positional().get(0)), Set.of(), Set.of()), USAGE);
        Path weights = CliPaths.of(args.positional().get(1), "weights file");
        if (!Files.isRegularFile(weights)) {
            throw new UserError("no weights file " + weights);
        }
        if (!weights.getFileName().toString().endsWith(".safetensors")) {
            throw new UserError(weights.getFileName() + " is not a .safetensors file: import-weights reads the"
                    + " checkpoint.safetensors that an exported train.py writes");
        }
        Path target = ProjectArgs.saveTarget(args, file, "imported");
        Project p = ProjectArgs.load(file);
        ParameterStore store;
        try {
            store = TorchCheckpoint.read(p, weights);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(e.getMessage() + "; the project is unchanged");
        }
        // Saved into another folder, the project brings its data along (its paths are relative), as train does.
        int copied = DataFiles.bringAlong(p.dataset(), file.toAbsolutePath().getParent(), target.toAbsolutePath().getParent());
        if (copied > 0) {
            out.println("Copied " + copied + " data file(s) beside " + target.getFileName());
        }
        ProjectFiles.save(p.withOutsideWeights(store, p.history()), target);
        out.println("imported " + store.totalSize() + " weights from " + weights.getFileName() + " into " + target);
        return 0;
    }
}
