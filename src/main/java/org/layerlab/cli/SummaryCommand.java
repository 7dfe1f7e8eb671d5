package org.layerlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NodeInfo;
import org.layerlab.project.Project;

/** {@code summary PROJECT}: a Keras-like table of layers, output shapes and parameter counts. */
final class SummaryCommand {
    private final PrintStream out;

    SummaryCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Path file = ProjectArgs.path(new Args(argv, Set.of(), Set.of()), "summary PROJECT");
        Project p = ProjectArgs.load(file);
        GraphAnalysis a = GraphAnalysis.of(p.graph(), p.training().loss(), null);
        out.println("Project: " + p.name() + (p.isTrained() ? " (trained, " + p.history().size() + " epochs)" : ""));
        String line = "─".repeat(96);
        out.println(line);
        out.printf("%-46s %-20s %10s  %s%n", "Layer (type)", "Output shape", "Param #", "Connected to");
        out.println(line);
        for (GraphNode n : order(p, a)) {
            NodeInfo ni = a.info(n.id());
            String shape = ni == null || ni.outputShape() == null ? "?" : ni.outputShape().toBatchString();
            List<String> from = p.graph().inputsOf(n.id()).stream().map(e -> p.graph().require(e.from()).name()).toList();
            out.printf("%-46s %-20s %,10d  %s%n", n.name() + " (" + n.spec().kind() + ")", shape,
                    ni == null ? 0 : ni.params(), String.join(", ", from));
        }
        out.println(line);
        out.printf("Total params: %,d%n", a.totalParams());
        out.printf("Estimated training memory at batch %d: %.1f MB%n", p.training().batchSize(),
                a.trainingMemoryBytes(p.training().batchSize()) / 1048576.0);
        long errors = a.problems().stream().filter(x -> x.isError()).count();
        if (!a.problems().isEmpty()) {
            out.println(a.problems().size() + " problem(s)" + (errors > 0 ? ", " + errors + " error(s)" : "")
                    + ": run 'validate' for details");
        }
        return 0;
    }

    private static List<GraphNode> order(Project p, GraphAnalysis a) {
        return p.graph().topologicalOrder().map(ids -> ids.stream().map(p.graph()::require).toList())
                .orElse(List.copyOf(p.graph().nodes()));
    }
}
