package org.layerlab.export.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.project.Project;

/**
 * One export format (ONNX, PyTorch, Keras): it writes a project's network, and its weights when
 * trained, into a folder. Order of use: {@link #problems} to tell the user what cannot go out,
 * then {@link #export} when there are none. Implementations depend on {@code project} and below
 * only; to add one, see docs/decisions/0005-seams.md.
 */
public interface Exporter {
    /** The word users type: {@code export PROJECT --format onnx}. */
    String format();

    /** One line for menus and {@code help}: "ONNX model (.onnx) for ONNX Runtime". */
    String description();

    /** The extensions of the main file it writes, with the dot: ".onnx". */
    List<String> extensions();

    /** The name of the main file {@link #export} writes for a project file named baseName. */
    default String fileName(String baseName) {
        return Identifiers.clean(baseName) + extensions().get(0);
    }

    /** Whether this format can express layers of this kind (today, with these options). */
    boolean supports(LayerKind kind);

    /**
     * Writes the export into {@code targetDir} (created if missing) and returns the main file
     * written, named after {@code baseName} (the project file's name without extension; user text,
     * made safe by the exporter). {@code projectDir} is where the project's relative data paths
     * start (formats that carry the data read it from there). Call only when {@link #problems} is empty.
     */
    Path export(Project project, String baseName, Path projectDir, Path targetDir) throws IOException;

    /**
     * What stops this project from going out in this format, one sentence each; empty when nothing
     * does: layer kinds the format cannot express, problems of the graph, then {@link #problem}
     * for each layer.
     */
    default List<String> problems(Project project) {
        List<String> out = new ArrayList<>();
        for (GraphNode n : project.graph().nodes()) {
            LayerKind kind = n.spec().descriptor();
            if (!supports(kind)) {
                out.add(format() + " export does not support " + kind.name() + " layers yet (layer '" + n.name()
                        + "'): replace it, or export to another format");
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        ExportPlan plan;
        try {
            plan = ExportPlan.of(project);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        for (ExportPlan.Step s : plan.steps()) {
            String why = problem(s);
            if (why != null) {
                out.add("layer '" + s.node().name() + "': " + why);
            }
        }
        return out;
    }

    /** Why this layer, of a kind the format supports, cannot go out with its options (or its mask), or null. */
    default String problem(ExportPlan.Step step) {
        return null;
    }
}
