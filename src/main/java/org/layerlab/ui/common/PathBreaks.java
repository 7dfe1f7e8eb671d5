package org.layerlab.ui.common;

/**
 * Text for a wrapping label that holds a file path. A path has no spaces, so a label too narrow
 * for it broke it wherever the width ran out, mid-name ("train-images-i" / "dx3-ubyte.gz" in the
 * inspector at 1280 × 760). JavaFX wraps only at whitespace (a zero-width space, which is not
 * whitespace to it, changed nothing), so a hair space after each separator gives it a place
 * between folders instead: about a pixel wide at the default size.
 */
public final class PathBreaks {
    private static final char HAIR_SPACE = '\u200A';

    private PathBreaks() {
    }

    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '/' || c == '\\') {
                out.append(HAIR_SPACE);
            }
        }
        return out.toString();
    }
}
