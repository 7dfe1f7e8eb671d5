package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.export.core.Exporter;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.project.Project;

/** The export command's wiring through the Exporter seam, with a stand-in format that writes the layer names. */
class ExportCommandTest {
    @TempDir
    Path dir;

    /** Writes one line per layer; refuses Dense, to exercise the unsupported-kind message. */
    private record NamesExporter(boolean refuseDense) implements Exporter {
        @Override
        public String format() {
            return "names";
        }

        @Override
        public String description() {
            return "layer names (.txt)";
        }

        @Override
        public List<String> extensions() {
            return List.of(".txt");
        }

        @Override
        public boolean supports(LayerKind kind) {
            return !(refuseDense && kind.name().equals("Dense"));
        }

        @Override
        public Path export(Project project, String baseName, Path projectDir, Path targetDir) throws IOException {
            Files.createDirectories(targetDir);
            Path out = targetDir.resolve("layers.txt");
            Files.write(out, project.graph().nodes().stream().map(n -> n.spec().kind()).sorted().toList());
            return out;
        }
    }

    private String run(Exporter exporter, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExportCommand(new PrintStream(out, true, StandardCharsets.UTF_8), List.of(exporter)).run(List.of(args));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesThroughTheChosenExporter() throws IOException {
        Path target = dir.resolve("out");
        String said = run(new NamesExporter(false), "samples/xor.layerlab", "--format", "names", "--out", target.toString());
        assertTrue(said.startsWith("wrote "), said);
        assertEquals(List.of("Dense", "Dense", "Input"), Files.readAllLines(target.resolve("layers.txt")));
    }

    @Test
    void unsupportedKindsAreNamedWithTheLayer() {
        UserError e = assertThrows(UserError.class, () -> run(new NamesExporter(true), "samples/xor.layerlab",
                "--format", "names", "--out", dir.toString()));
        assertTrue(e.getMessage().contains("names export does not support Dense layers yet (layer 'dense')"), e.getMessage());
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        UserError e = assertThrows(UserError.class, () -> run(new NamesExporter(false), "samples/xor.layerlab",
                "--format", "onnx", "--out", dir.toString()));
        assertEquals("unknown export format 'onnx'; this build exports to: names", e.getMessage());
    }

    @Test
    void missingOutIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> run(new NamesExporter(false), "samples/xor.layerlab",
                "--format", "names"));
        assertTrue(e.getMessage().startsWith("--out is missing"), e.getMessage());
    }
}
