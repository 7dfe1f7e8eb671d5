package org.layerlab.project;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;


/** The bundled sample projects: samples/ in the working folder, else beside the folder that holds the jar. */
public final class Samples {
    private Samples() {
    }

    public static List<Path> list() {
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

    /**
     * True for a project file in the samples folder. Save never writes there, it asks where: the
     * samples are the starting points of every lesson, and one overwritten by a trained or edited
     * copy is lost to the next reader (and, in a checkout, shows up as a change to the repository).
     */
    public static boolean isSample(Path file) {
        Path dir = folder();
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (dir == null || parent == null) {
            return false;
        }
        try {
            return Files.isSameFile(parent, dir);
        } catch (IOException e) {
            return parent.equals(dir.toAbsolutePath().normalize());
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
