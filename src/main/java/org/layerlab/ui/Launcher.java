package org.layerlab.ui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.layerlab.cli.Main;

/**
 * The jar's entry point. A command word (the command line's own list) goes to the headless
 * command line; no arguments, options, or a project file open the window; any other first word
 * is a mistyped command, answered by the command line with an error, never by a window. It does
 * not extend Application: a classpath jar whose main class is an Application does not start JavaFX.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            App.main(args);
        } else {
            Main.main(args);
        }
    }

    /** True for no arguments, options only, or a first word that is a project file rather than a command. */
    static boolean opensWindow(String[] args) {
        if (args.length == 0 || Main.isCommand(args[0])) {
            return args.length == 0;
        }
        for (String a : args) {
            if (!a.startsWith("--")) {
                return looksLikeProject(a);
            }
        }
        return true;
    }

    private static boolean looksLikeProject(String word) {
        if (word.endsWith(".layerlab")) {
            return true;
        }
        try {
            return Files.exists(Path.of(word));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
