package org.layerlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes what a crash of the command line was, for a bug report, and says where it went. */
final class CrashReport {
    private CrashReport() {
    }

    /** The sentence to print: where the details went (a temp file), or, if that fails, the trace's first line. */
    static String write(List<String> args, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String text = "LayerLab " + Main.class.getPackage().getImplementationVersion() + ", Java "
                + System.getProperty("java.version") + "\ncommand: " + String.join(" ", args) + "\n\n" + trace;
        try {
            Path file = Files.createTempFile("layerlab-crash-", ".txt");
            Files.writeString(file, text);
            return "the details are in " + file;
        } catch (IOException | RuntimeException e) {
            return "the details could not be written (" + e.getMessage() + "): " + t;
        }
    }
}
