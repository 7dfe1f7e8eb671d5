package org.layerlab.nn;

/** Argument checks whose messages follow Keras: what was expected, then "Received: name=value". */
public final class Checks {
    private Checks() {
    }

    public static int positive(String owner, String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(owner + ": " + name + " must be a positive integer. Received: "
                    + name + "=" + value);
        }
        return value;
    }

    public static double positive(String owner, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be a positive number. Received: "
                    + name + "=" + value);
        }
        return value;
    }

    public static double nonNegative(String owner, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be zero or positive. Received: "
                    + name + "=" + value);
        }
        return value;
    }

    /** A value in [low, high). */
    public static double inRange(String owner, String name, double value, double low, double high) {
        if (!(value >= low && value < high)) {
            throw new IllegalArgumentException(owner + ": " + name + " must be in [" + low + ", " + high
                    + "). Received: " + name + "=" + value);
        }
        return value;
    }

    public static <T> T notNull(String owner, String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(owner + ": " + name + " is required");
        }
        return value;
    }
}
