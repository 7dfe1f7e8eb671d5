package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.layerlab.export.core.Exporter;
import org.layerlab.export.diagram.DiagramExporter;
import org.layerlab.export.Exporters;
import org.layerlab.project.Project;

/** {@code export PROJECT --format F --out DIR}: the network (and trained weights) in another framework's form. */
final class ExportCommand {
    static final String USAGE = "export PROJECT --format FORMAT --out DIR [--scale S]";
    private final PrintStream out;
    private final List<Exporter> exporters;

    ExportCommand(PrintStream out, List<Exporter> exporters) {
        this.out = out;
        this.exporters = exporters;
    }

    int run(List<String> argv) throws IOException {
        Args args = new Args(argv, Set.of("format", "out", "scale"), Set.of());
        Path file = ProjectArgs.path(args, USAGE);
        String format = args.get("format", null);
        String known = exporters.isEmpty() ? "none yet"
                : String.join(", ", exporters.stream().map(Exporter::format).toList());
        if (format == null) {
            throw new UserError("--format is missing: " + USAGE + " (formats: " + known + ")");
        }
        Exporter exporter = exporters.stream().filter(e -> e.format().equalsIgnoreCase(format)).findFirst()
                .orElseThrow(() -> new UserError("unknown export format '" + format + "'; this build exports to: " + known));
        String scale = args.get("scale", null);
        if (scale != null) {
            if (!(exporter instanceof DiagramExporter diagram && diagram.hasScale())) {
                throw new UserError("--scale applies to the png format only");
            }
            try {
                exporter = diagram.withScale(Double.parseDouble(scale));
            } catch (IllegalArgumentException e) {
                throw new UserError("--scale " + scale + ": " + (e instanceof NumberFormatException ? "not a number" : e.getMessage()));
            }
        }
        String dir = args.get("out", null);
        if (dir == null) {
            throw new UserError("--out is missing: the folder to write the " + exporter.format() + " export into");
        }
        Project p = ProjectArgs.load(file);
        List<String> problems = exporter.problems(p);
        if (!problems.isEmpty()) {
            throw new UserError(String.join("; ", problems));
        }
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path projectDir = file.toAbsolutePath().getParent();
        Path written = exporter.export(p, base, projectDir, CliPaths.of(dir, "--out folder"));
        out.println("wrote " + written + (p.isTrained() ? " with the trained weights" : " (untrained: initial weights)"));
        return 0;
    }

    /** The exporters of this build. */
    static ExportCommand of(PrintStream out) {
        return new ExportCommand(out, Exporters.all());
    }
}
