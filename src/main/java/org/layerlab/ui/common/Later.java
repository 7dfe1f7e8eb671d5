package org.layerlab.ui.common;

import javafx.application.Platform;

/**
 * Runs something on the JavaFX thread after a delay, without asking for frames while it waits.
 * A PauseTransition (or any animation) keeps JavaFX drawing 60 frames a second until it ends:
 * the window's {@code --train-for} waited so for the whole measured run, and the measurement
 * counted frames a person's window would not draw.
 */
public final class Later {
    private Later() {
    }

    public static void run(double seconds, Runnable task) {
        Background.run("layerlab-later", () -> {
            try {
                Thread.sleep((long) (seconds * 1000));
                Platform.runLater(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
