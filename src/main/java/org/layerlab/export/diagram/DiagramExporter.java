package org.layerlab.export.diagram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.layerlab.export.core.Exporter;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.project.Project;

/**
 * The network's diagram, as the canvas shows it: SVG (text stays text) or PNG at a scale. Every
 * graph can be drawn, with problems or without: shapes that cannot be inferred say so on the card.
 */
public final class DiagramExporter implements Exporter {
    private final boolean png;
    private final double scale;

    private DiagramExporter(boolean png, double scale) {
        this.png = png;
        this.scale = scale;
    }

    public static DiagramExporter svg() {
        return new DiagramExporter(false, 1);
    }

    /** A PNG at 2× the canvas' size. */
    public static DiagramExporter png() {
        return new DiagramExporter(true, 2);
    }

    /** The same format at another scale (PNG only: an SVG has none). */
    public DiagramExporter withScale(double s) {
        if (!(s > 0) || s > 8) {
            throw new IllegalArgumentException("the scale must be a number above 0 and at most 8. Received: " + s);
        }
        return new DiagramExporter(png, s);
    }

    public boolean hasScale() {
        return png;
    }

    @Override
    public String format() {
        return png ? "png" : "svg";
    }

    @Override
    public String description() {
        return png ? "Diagram as a PNG image, at a scale" : "Diagram as an SVG drawing";
    }

    @Override
    public List<String> extensions() {
        return List.of(png ? ".png" : ".svg");
    }

    @Override
    public boolean supports(LayerKind kind) {
        return true;
    }

    /** A diagram can always be drawn, the graph's problems included. */
    @Override
    public List<String> problems(Project project) {
        return project.graph().nodes().isEmpty() ? List.of("the network has no layers to draw") : List.of();
    }

    @Override
    public Path export(Project project, String baseName, Path projectDir, Path targetDir) throws IOException {
        Files.createDirectories(targetDir);
        Diagram d = Diagram.of(project.graph());
        Path file = targetDir.resolve(fileName(baseName));
        if (png) {
            DiagramPng.write(d, scale, file);
        } else {
            Files.writeString(file, DiagramSvg.of(d, project.name()));
        }
        return file;
    }
}
