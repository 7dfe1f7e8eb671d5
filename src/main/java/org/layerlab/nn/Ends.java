package org.layerlab.nn;

/**
 * Steps at a sequence's two ends, as Keras' Cropping1D takes them: (start, end); one number is
 * both.
 */
public record Ends(int start, int end) {
    public Ends {
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("ends must be 0 or more. Received: (" + start + ", " + end + ")");
        }
    }

    public static Ends of(int both) {
        return new Ends(both, both);
    }

    public int total() {
        return start + end;
    }

    @Override
    public String toString() {
        return "(" + start + ", " + end + ")";
    }
}
