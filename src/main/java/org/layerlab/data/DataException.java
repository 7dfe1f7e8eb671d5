package org.layerlab.data;

/** Data that cannot be used as it is; the message says what is wrong and where, for the user. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }
}
