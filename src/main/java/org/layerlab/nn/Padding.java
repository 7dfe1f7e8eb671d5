package org.layerlab.nn;

import java.util.Locale;

/** Keras padding modes: "valid" (no padding) or "same" (output size ⌈input / stride⌉). */
public enum Padding {
    VALID, SAME;

    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Padding parse(String s) {
        for (Padding p : values()) {
            if (p.kerasName().equalsIgnoreCase(s.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("padding must be 'valid' or 'same'. Received: padding=" + s);
    }
}
