package org.layerlab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.layerlab.project.Project;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunLog;

/** {@code runs PROJECT}: the project's recorded runs, oldest first, with what changed since the one before. */
final class RunsCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final PrintStream out;

    RunsCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Args args = new Args(argv, Set.of(), Set.of());
        Path file = ProjectArgs.path(args, "runs PROJECT");
        Project p = ProjectArgs.load(file);
        RunLog log = p.runs();
        log.problems().forEach(m -> out.println("warning: " + m));
        if (log.isEmpty()) {
            out.println(p.name() + " has no recorded runs yet: train it (window or 'train') and each run is kept.");
            return 0;
        }
        String metric = p.training().loss().kind().isClassification() ? "accuracy" : "loss";
        out.printf("%-6s %-22s %-16s %-7s %6s  %-10s %-10s %-12s %s%n", "run", "name", "started", "from", "epochs",
                "loss", "val_loss", "val_" + metric, "changed");
        for (Run r : log.runs()) {
            List<String> changed = log.changedSincePrevious(r);
            out.printf(Locale.ROOT, "%-6s %-22s %-16s %-7s %6d  %-10s %-10s %-12s %s%n", r.id() + (r.id().equals(log.head()) ? "*" : ""),
                    clip(r.name(), 22), WHEN.format(r.started()), r.parent() == null ? "fresh" : r.parent(), r.epochs(),
                    number(r.metric("loss")), number(r.metric("val_loss")), number(r.metric("val_" + metric)),
                    changed.isEmpty() ? "" : clip(String.join(", ", changed), 60));
        }
        out.println("* the run whose weights the project holds");
        return 0;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
