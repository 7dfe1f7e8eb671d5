package org.layerlab.nn;

/** A (height, width) pair for kernel sizes, strides, pool sizes and dilation rates. */
public record Size2(int h, int w) {
    public Size2 {
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("sizes must be positive integers. Received: (" + h + ", " + w + ")");
        }
    }

    public static Size2 square(int n) {
        return new Size2(n, n);
    }

    /** Checks with the layer and option name in the message. */
    public static Size2 check(String owner, String name, Size2 value) {
        if (value == null) {
            throw new IllegalArgumentException(owner + ": " + name + " is required");
        }
        return value;
    }

    @Override
    public String toString() {
        return h + "×" + w;
    }
}
