package org.layerlab.ui.common;

import java.util.Optional;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Short notices in the window's lower right corner (ControlsFX's Notifications): a run finished
 * or stopped, a project saved. They fade by themselves and take no focus, so nothing waits on
 * them; the status line keeps the full message. On the dark theme they use ControlsFX's dark
 * style.
 */
public final class Toasts {
    private static final Duration SHOWN = Duration.seconds(4);

    private Toasts() {
    }

    public static void info(Node anchor, String title, String text) {
        build(anchor, title, text).ifPresent(Notifications::showInformation);
    }

    public static void warning(Node anchor, String title, String text) {
        build(anchor, title, text).ifPresent(Notifications::showWarning);
    }

    private static Optional<Notifications> build(Node anchor, String title, String text) {
        Scene scene = anchor.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return Optional.empty();
        }
        Notifications n = Notifications.create().owner(scene.getWindow()).title(title).text(text)
                .position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN);
        if (scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"))) {
            n = n.darkStyle();
        }
        return Optional.of(n);
    }
}
