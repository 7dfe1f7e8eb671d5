package org.layerlab.nn;

/** A layer cannot take the shape it is given; the message is meant for the user as it stands. */
public class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }
}
