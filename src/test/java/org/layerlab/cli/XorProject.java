package org.layerlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The XOR sample copied with its data into a test's folder, so commands can change it freely. */
final class XorProject {
    private XorProject() {
    }

    static Path copyInto(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples", "data", "xor.csv"), dir.resolve("data/xor.csv"));
        Path p = dir.resolve("xor.layerlab");
        Files.copy(Path.of("samples", "xor.layerlab"), p);
        return p;
    }
}
