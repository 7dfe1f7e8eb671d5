package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A view in a hidden tab does not paint on updates, and paints once when it is shown again. */
@ExtendWith(ApplicationExtension.class)
class CanvasViewTest {
    private final StackPane tab = new StackPane();
    private final Counting view = new Counting();

    private static final class Counting extends CanvasView {
        int paints;

        @Override
        protected void paint(GraphicsContext g, double w, double h) {
            paints++;
        }
    }

    @Start
    void start(Stage stage) {
        tab.getChildren().add(view);
        stage.setScene(new Scene(tab, 300, 200));
        stage.show();
    }

    @Test
    void hiddenViewsSkipUpdatesAndCatchUpWhenShown(FxRobot robot) {
        robot.interact(() -> {
            int before = view.paints;
            view.draw();
            assertEquals(before + 1, view.paints, "a visible view paints on each update");
            tab.setVisible(false);
            for (int i = 0; i < 100; i++) {
                view.draw();
            }
            assertEquals(before + 1, view.paints, "hidden, updates cost no painting");
            tab.setVisible(true);
            view.drawIfStale();
            assertEquals(before + 2, view.paints, "shown again, it paints the latest state once");
            view.drawIfStale();
            assertEquals(before + 2, view.paints, "and not again while nothing changed");
        });
    }
}
