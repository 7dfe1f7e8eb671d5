package org.layerlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.layerlab.nn.graph.GanChecks;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectSession;

/** {@code evaluate PROJECT}: loss and metrics of the trained network on the project's test data. */
final class EvaluateCommand {
    private final PrintStream out;

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Path file = ProjectArgs.path(new Args(argv, Set.of(), Set.of()), "evaluate PROJECT");
        Project p = ProjectArgs.load(file);
        if (!p.isTrained()) {
            throw new UserError(file.getFileName() + " has no trained weights yet: run 'train' first");
        }
        if (GanChecks.seamOf(p.graph()) != null) {
            throw new UserError(file.getFileName() + " is a GAN: it has no test metric to evaluate (its discriminator"
                    + " learns real or generated, not the data's labels). Run 'sample' to see what its generator makes.");
        }
        ProjectSession s = ProjectArgs.openToRun(p, file);
        String set = s.data().test() != null ? "test data (" + s.data().test().size() + " samples)"
                : "training data (" + s.data().train().size() + " samples; the project holds no test part)";
        out.println("Evaluated on " + set + ": " + TrainCommand.format(s.evaluate()));
        return 0;
    }
}
