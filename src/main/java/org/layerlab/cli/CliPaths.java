package org.layerlab.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths typed on the command line, refused with a user error when the system cannot take them. */
final class CliPaths {
    private CliPaths() {
    }

    static Path of(String text, String what) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UserError("the " + what + " '" + text.replace("\0", "\\0") + "' is not a path this system accepts: "
                    + e.getReason());
        }
    }
}
