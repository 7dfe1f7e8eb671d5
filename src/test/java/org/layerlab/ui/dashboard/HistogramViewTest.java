package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.training.WeightSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The ridge plot keeps a bounded number of rows spread over the whole run, not its last seconds. */
@ExtendWith(ApplicationExtension.class)
class HistogramViewTest {
    private HistogramView view;

    @Start
    void start(Stage stage) {
        view = new HistogramView();
        stage.setScene(new Scene(new StackPane(view), 600, 300));
        stage.show();
    }

    @Test
    void rowsSpanTheRunEvenlyHoweverLongItIs(FxRobot robot) {
        robot.interact(() -> {
            for (long step = 1; step <= 10_000; step += 7) {
                view.add(snapshot("dense", step));
            }
        });
        long[] steps = view.steps();
        assertTrue(steps.length <= 25, steps.length + " rows");
        assertTrue(steps.length >= 12, steps.length + " rows");
        assertEquals(1, steps[0], "the run's first snapshot stays at the back");
        assertEquals(9_997, steps[steps.length - 1], "the latest is in front");
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 1; i < steps.length - 1; i++) {
            min = Math.min(min, steps[i] - steps[i - 1]);
            max = Math.max(max, steps[i] - steps[i - 1]);
        }
        assertTrue(max <= 2 * min + 7, "kept rows evenly spaced: gaps " + min + " to " + max);
    }

    @Test
    void aRunsFinalStepJoinsTheRowsWhenTheLastCopyCameEarlier(FxRobot robot) {
        robot.interact(() -> {
            view.add(snapshot("dense", 10));
            view.add(snapshot("dense", 20));
            view.addFinal(snapshot("dense", 15));
            view.addFinal(snapshot("conv", 40));
        });
        long[] before = view.steps();
        assertEquals(20, before[before.length - 1], "an older step or another layer adds nothing");
        robot.interact(() -> view.addFinal(snapshot("dense", 30)));
        long[] after = view.steps();
        assertEquals(30, after[after.length - 1], "the run's last step is in front");
    }

    @Test
    void anotherLayerStartsItsOwnHistory(FxRobot robot) {
        robot.interact(() -> {
            for (long step = 1; step <= 100; step++) {
                view.add(snapshot("dense", step));
            }
            view.add(snapshot("conv", 101));
        });
        assertArrayEquals(new long[] {101}, view.steps());
    }

    private static WeightSnapshot snapshot(String node, long step) {
        float[] values = new float[64];
        float[] grads = new float[64];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i + step);
            grads[i] = (float) Math.cos(i * step) / step;
        }
        return new WeightSnapshot(node, step, List.of(new WeightSnapshot.Entry("kernel", new int[] {8, 8}, values, grads)));
    }
}
