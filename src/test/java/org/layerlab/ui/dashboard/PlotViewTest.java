package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.nn.Loss;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A per-batch curve of many points is drawn as each pixel column's span of values: all of it, and no more. */
@ExtendWith(ApplicationExtension.class)
class PlotViewTest {
    private static final int POINTS = 100_000;
    private static final int WIDTH = 600;
    private static final int HEIGHT = 300;
    private PlotView plot;
    private final Series series = new Series("loss", "#4a7bd1");

    @Start
    void start(Stage stage) {
        plot = new PlotView("Loss", "step");
        plot.add(series, false);
        for (int i = 1; i <= POINTS; i++) {
            series.add(i, value(i));
        }
        // Sized by hand, not by the stage, which may keep a size an earlier test gave it.
        plot.setManaged(false);
        plot.resizeRelocate(0, 0, WIDTH, HEIGHT);
        stage.setScene(new Scene(new Pane(plot), WIDTH, HEIGHT));
        stage.show();
    }

    /** A slow wave with noise, from exactly 0 to exactly 2, so the axis runs from 0 to 2. */
    private static double value(int i) {
        if (i == 1) {
            return 2;
        }
        if (i == 2) {
            return 0;
        }
        double noise = ((i * 7919L) % 101) / 100.0 - 0.5;
        return 1 + 0.6 * Math.sin(2 * Math.PI * i / POINTS) + 0.3 * noise;
    }

    @Test
    void everyColumnIsFilledFromItsLowestToItsHighestValue(FxRobot robot) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            plot.layout();
            plot.redraw();
            image.set(plot.image());
        });
        PixelReader px = image.get().getPixelReader();
        double width = image.get().getWidth();
        double height = image.get().getHeight();
        assertTrue(width == WIDTH && height == HEIGHT, width + " x " + height);
        // PlotView's frame: 56 px left for the y labels, 12 right, 26 above, 30 below; y from 0 to 2.
        double left = 56;
        double right = width - 12;
        double top = 26;
        double bottom = height - 30;
        int checked = 0;
        for (int column = 70; column < right - 10; column += 7) {
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int i = 3; i <= POINTS; i++) {
                int c = (int) (left + (i - 1.0) / (POINTS - 1) * (right - left));
                if (c == column) {
                    lo = Math.min(lo, value(i));
                    hi = Math.max(hi, value(i));
                }
            }
            int highRow = (int) Math.round(bottom - hi / 2 * (bottom - top));
            int lowRow = (int) Math.round(bottom - lo / 2 * (bottom - top));
            for (int row = highRow + 1; row <= lowRow - 1; row++) {
                assertTrue(isCurve(px.getArgb(column, row)), "column " + column + " row " + row + " lies between "
                        + lo + " and " + hi + ": drawn");
            }
            assertTrue(!isCurve(px.getArgb(column, highRow - 4)), "column " + column + ": nothing above its highest value");
            assertTrue(!isCurve(px.getArgb(column, lowRow + 4)), "column " + column + ": nothing below its lowest value");
            checked++;
        }
        assertTrue(checked > 20, checked + " columns checked");
    }

    @Test
    void aLegendWithNoRoomBesideALongTitleTakesALineOfItsOwn(FxRobot robot) {
        // The Forecast tab's title at 600 px: its legend used to be a lone "…".
        String longTitle = "SUNACTIVITY: forecast after epoch 60 · test MAE 10.93 (same as the last step: 22.45)";
        assertTrue(isCurve(swatchPixel(robot, longTitle)), "the first entry's swatch starts the line below the title");
        assertTrue(!isCurve(swatchPixel(robot, "Loss")), "beside a short title the legend stays on the title's line");
    }

    /** The pixel where a legend on its own line puts its first swatch (x from 56, y 26-28). */
    private static int swatchPixel(FxRobot robot, String title) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> {
            PlotView p = new PlotView(title, "year");
            Series a = new Series("series", "#4a7bd1");
            Series b = new Series("forecast (test part)", "#4a7bd1");
            p.add(a, false);
            p.add(b, false);
            for (int i = 0; i < 50; i++) {
                a.add(i, i % 2);
                b.add(i, i % 2);
            }
            p.setManaged(false);
            p.resizeRelocate(0, 0, WIDTH, HEIGHT);
            p.layout();
            p.redraw();
            image.set(p.image());
        });
        return image.get().getPixelReader().getArgb(62, 27);
    }

    /** The curve's blue, against the white background, grey grid lines and labels. */
    private static boolean isCurve(int argb) {
        int r = (argb >> 16) & 0xff;
        int b = argb & 0xff;
        return b - r > 60;
    }
}
