package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.layerlab.data.DataException;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.Problem;
import org.layerlab.project.DataLoader;
import org.layerlab.project.Project;

/** {@code validate PROJECT}: lists every problem with graph, loss and data; exit 1 if any is an error. */
final class ValidateCommand {
    private final PrintStream out;

    ValidateCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Path file = ProjectArgs.path(new Args(argv, Set.of(), Set.of()), "validate PROJECT");
        Project p = ProjectArgs.load(file);
        GraphAnalysis a;
        String dataProblem = null;
        try {
            var data = p.dataset() == null ? null : DataLoader.load(p.dataset(), file.toAbsolutePath().getParent());
            a = GraphAnalysis.of(p.graph(), p.training().loss(), data == null ? null : data.summary());
        } catch (DataException | IOException e) {
            dataProblem = e.getMessage();
            a = GraphAnalysis.of(p.graph(), p.training().loss(), null);
        }
        int errors = 0;
        if (p.dataset() == null) {
            // train refuses a project without data; validate says so rather than call it valid.
            dataProblem = "the project has no dataset: choose one in the window (Choose data…) or add \"dataset\" to the"
                    + " file";
        }
        if (dataProblem != null) {
            out.println("error: dataset: " + dataProblem);
            errors++;
        }
        for (Problem problem : a.problems()) {
            String where = problem.nodeId() == null ? "" : " [" + problem.nodeId() + "]";
            out.println(problem + where + (problem.fix() == null ? "" : " (fix: " + problem.fix().label() + ")"));
            errors += problem.isError() ? 1 : 0;
        }
        if (a.problems().isEmpty() && dataProblem == null) {
            out.printf("%s is valid: %d layers, %,d parameters%n", file.getFileName(), p.graph().size(), a.totalParams());
        }
        return errors > 0 ? 1 : 0;
    }
}
