package org.layerlab.ui.dashboard;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The dashboard's one-line status: what the run is doing, or why it could not (in the error
 * colour). Every message replaces the last one whole, its colour and tooltip included: a
 * "Saved" or "Weights reset" after a failed start used to keep the failure's red.
 */
final class StatusLine {
    private static final String ERROR_STYLE = "error-text";

    private final Label label;

    StatusLine(Label label) {
        this.label = label;
    }

    /** A plain message; one too long for the line has itself as its tooltip (DashboardView). */
    void say(String text) {
        label.getStyleClass().remove(ERROR_STYLE);
        label.setTooltip(null);
        label.setText(text);
    }

    /** A short message with more in its tooltip. */
    void say(String text, String more) {
        say(text);
        label.setTooltip(new Tooltip(more));
    }

    /** Why something did not happen, in the error colour, all of it in the tooltip too. */
    void error(String text) {
        say(text, text);
        label.getStyleClass().add(ERROR_STYLE);
    }
}
