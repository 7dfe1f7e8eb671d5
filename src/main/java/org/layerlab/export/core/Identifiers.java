package org.layerlab.export.core;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Layer names are user text and end up in generated code, ONNX value names and file names. This
 * turns each into a harmless identifier ([a-z_][a-z0-9_]*, never a keyword of Python), unique within
 * one export: {@code x"); import os  #} becomes {@code x_import_os}, which names nothing but itself.
 */
public final class Identifiers {
    /**
     * Python's keywords and the names the generated code defines or imports itself: a layer
     * named "sampling" or "bidirectional" (the default names) must not shadow the helper function
     * it calls (model.py's helpers, keras_model.py's functions; a test keeps this list complete).
     */
    private static final Set<String> RESERVED = Set.of("false", "none", "true", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
            "yield", "self", "torch", "nn", "np", "x", "input", "output", "math", "json", "os", "keras", "layers",
            "load_weights", "load_arrays", "load_model", "build_model", "average_pool", "masked_mean", "masked_recurrence",
            "bidirectional", "merge_directions", "sampling");
    private final Set<String> used = new HashSet<>();

    /** A fresh identifier for this text: the text's letters and digits, lower case, then a number if already taken. */
    public String of(String text) {
        String base = clean(text);
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** The text as an identifier, not checked for uniqueness. */
    public static String clean(String text) {
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (char c : (text == null ? "" : text).toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && b.length() > 0) {
                    b.append('_');
                }
                b.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        String s = b.length() > 48 ? b.substring(0, 48) : b.toString();
        if (s.isEmpty()) {
            s = "layer";
        }
        if (Character.isDigit(s.charAt(0))) {
            s = "layer_" + s;
        }
        return RESERVED.contains(s) ? s + "_" : s;
    }
}
