package org.layerlab.project;

/** A project file that cannot be used; the message names the file, where in it, and what is wrong. */
public class ProjectException extends Exception {
    public ProjectException(String message) {
        super(message);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
