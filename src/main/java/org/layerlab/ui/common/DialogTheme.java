package org.layerlab.ui.common;

import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * A dialog opens in a scene of its own, which does not inherit the window's stylesheets: without
 * this, a dialog over the dark theme would come up light. The theme's colours are declared on
 * {@code .root}, which a dialog's pane is in its own scene, so the same sheets apply as they are.
 */
public final class DialogTheme {
    private DialogTheme() {
    }

    public static void follow(Dialog<?> dialog, Window owner) {
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }
}
