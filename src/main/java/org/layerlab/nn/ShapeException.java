package org.layerlab.nn;

/**
 * A layer cannot take the shape it is given; the message is meant for the user as it stands.
 * {@link #remedy} names a standard fix the editor can offer, when one applies.
 */
public class ShapeException extends IllegalArgumentException {
    /** Standard fixes for shape mistakes. */
    public enum Remedy {
        NONE,
        INSERT_FLATTEN,
        /** A flat input (n) read as a sequence of n steps of one feature: Reshape to (n, 1). */
        INSERT_RESHAPE_TO_STEPS
    }

    private final Remedy remedy;

    public ShapeException(String message) {
        this(message, Remedy.NONE);
    }

    public ShapeException(String message, Remedy remedy) {
        super(message);
        this.remedy = remedy;
    }

    public Remedy remedy() {
        return remedy;
    }
}
