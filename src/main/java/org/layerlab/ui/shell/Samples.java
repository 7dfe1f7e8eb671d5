package org.layerlab.ui.shell;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.layerlab.project.ProjectFiles;

/** The bundled sample projects: samples/ in the working folder, else beside the folder that holds the jar. */
final class Samples {
    private Samples() {
    }

    static List<Path> list() {
        Path dir = folder();
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(ProjectFiles.EXTENSION)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Path folder() {
        Path here = Path.of("samples");
        if (Files.isDirectory(here)) {
            return here.toAbsolutePath();
        }
        try {
            // target/layerlab.jar → target → the checkout, where samples/ lives.
            Path jar = Path.of(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().resolve("samples");
            return beside != null && Files.isDirectory(beside) ? beside : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
