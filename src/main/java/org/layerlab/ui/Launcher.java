package org.layerlab.ui;

import java.util.Set;

/**
 * The jar's entry point. Command names (train, evaluate, predict, validate, summary, bench, help)
 * go to the headless command line; anything else opens the window. It does not extend
 * Application, so a plain classpath jar can start JavaFX (see JAVAFX-NOTES.md).
 */
public final class Launcher {
    private static final Set<String> COMMANDS = Set.of("train", "evaluate", "predict", "validate", "summary", "bench",
            "help", "--help");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            org.layerlab.cli.Main.main(args);
        } else {
            App.main(args);
        }
    }
}
