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
    private static final int MAX_CHARS = 90;
    /**
     * Monocle's headless screen (tests, {@code --screenshot} without a display) has no one to read
     * a notice, and its renderer fails on popups that leave its fixed-size buffer.
     */
    private static final boolean HEADLESS = "Headless".equalsIgnoreCase(System.getProperty("monocle.platform"));

    private Toasts() {
    }

    public static void info(Node anchor, String title, String text) {
        build(anchor, title, text).ifPresent(Notifications::showInformation);
    }

    public static void warning(Node anchor, String title, String text) {
        build(anchor, title, text).ifPresent(Notifications::showWarning);
    }

    /** A notice is read at a glance: its first sentence, at most about a line and a half. */
    static String brief(String text) {
        int end = text.indexOf(". ");
        String first = end > 0 ? text.substring(0, end + 1) : text;
        return first.length() <= MAX_CHARS ? first : first.substring(0, MAX_CHARS - 1).stripTrailing() + "…";
    }

    private static Optional<Notifications> build(Node anchor, String title, String text) {
        Scene scene = anchor.getScene();
        if (HEADLESS || scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return Optional.empty();
        }
        Notifications n = Notifications.create().owner(scene.getWindow()).title(title).text(brief(text))
                .position(Pos.BOTTOM_RIGHT).hideAfter(SHOWN);
        if (scene.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"))) {
            n = n.darkStyle();
        }
        return Optional.of(n);
    }
}
