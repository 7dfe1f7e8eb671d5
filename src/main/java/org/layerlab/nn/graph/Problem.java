package org.layerlab.nn.graph;

/**
 * Something wrong with a network, tied to a node (nodeId) or an edge, in words for the user, with
 * a fix the editor can apply in one click when there is an obvious one (else null).
 */
public record Problem(Severity severity, String nodeId, GraphEdge edge, String message, Fix fix) {
    /** Errors block training; warnings do not. */
    public enum Severity { ERROR, WARNING }

    public static Problem error(String nodeId, String message) {
        return new Problem(Severity.ERROR, nodeId, null, message, null);
    }

    public static Problem warning(String nodeId, String message) {
        return new Problem(Severity.WARNING, nodeId, null, message, null);
    }

    public Problem withFix(Fix f) {
        return new Problem(severity, nodeId, edge, message, f);
    }

    public Problem onEdge(GraphEdge e) {
        return new Problem(severity, nodeId, e, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (isError() ? "error: " : "warning: ") + message;
    }
}
