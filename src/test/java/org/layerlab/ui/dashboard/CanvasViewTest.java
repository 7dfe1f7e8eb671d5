package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.training.HealthSnapshot;
import org.layerlab.training.LayerHealth;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A view in a hidden tab does not paint on updates, and paints once when it is shown again. */
@ExtendWith(ApplicationExtension.class)
class CanvasViewTest {
    private StackPane tab;
    private Counting view;
    private StackPane healthTab;
    private HealthView health;

    private static final class Counting extends CanvasView {
        int paints;

        @Override
        protected void paint(GraphicsContext g, double w, double h) {
            paints++;
        }
    }

    @Start
    void start(Stage stage) {
        tab = new StackPane();
        view = new Counting();
        healthTab = new StackPane();
        health = new HealthView();
        tab.getChildren().add(view);
        healthTab.getChildren().add(health);
        stage.setScene(new Scene(new VBox(tab, healthTab), 300, 400));
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

    @Test
    void healthIsLaidOutWhenItsTabIsShownNotWhileHidden(FxRobot robot) {
        HealthSnapshot h = new HealthSnapshot(7, List.of(
                new LayerHealth("dense", 1.5, 0.2, 1e-3, 0.1),
                new LayerHealth("dense_1", 0.5, 0.1, 2e-3, Double.NaN)), false, 0.3);
        robot.interact(() -> {
            healthTab.setVisible(false);
            health.show(h);
            assertEquals(0, labelsSaying("dense_1"), "hidden: nothing laid out");
            healthTab.setVisible(true);
            health.showLatest();
            assertEquals(1, labelsSaying("dense_1"), "shown: the latest snapshot's rows");
            assertEquals(1, labelsSaying("Step 7"));
        });
    }

    @Test
    void aConvergedRunIsToldItFitsItsDataNotThatItsGradientsVanished(FxRobot robot) {
        List<LayerHealth> still = List.of(new LayerHealth("dense", 1.5, 1e-9, 0, Double.NaN));
        robot.interact(() -> {
            health.show(new HealthSnapshot(9, still, false, 0.7));
            assertEquals(1, labelsContaining("gradients have vanished"), "a stuck run with a high loss is warned");
            health.show(new HealthSnapshot(10, still, false, 4.8e-9));
            assertEquals(0, labelsContaining("gradients have vanished"));
            assertEquals(1, labelsContaining("the network fits its training data"));
        });
    }

    private long labelsContaining(String text) {
        return health.lookupAll(".label").stream().filter(n -> n instanceof Label l && l.getText() != null
                && l.getText().contains(text)).count();
    }

    private long labelsSaying(String text) {
        return health.lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && text.equals(l.getText())).count();
    }
}
