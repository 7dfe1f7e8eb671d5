package org.layerlab.ui.dashboard;

import java.util.Arrays;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.WeightSnapshot;

/**
 * Weight (or gradient) heatmaps of one layer with a diverging colormap (blue negative, white
 * zero, red positive) and a legend: scaled to the layer's own ±max|value|, or to the largest
 * kernel value of the whole network, so that layers can be compared colour for colour.
 */
final class HeatmapView extends CanvasView {
    private WeightSnapshot snapshot;
    private boolean gradients;
    private boolean sharedScale;
    private String placeholder = "Select a Dense or Conv2D layer on the canvas to see its weights while training.";


    void show(WeightSnapshot s) {
        snapshot = s;
        draw();
    }

    void setGradients(boolean g) {
        gradients = g;
        draw();
    }

    /** Colours on the whole network's scale (when the snapshot carries it) instead of the layer's. */
    void setSharedScale(boolean shared) {
        sharedScale = shared;
        draw();
    }

    WeightSnapshot snapshot() {
        return snapshot;
    }

    void setPlaceholder(String p) {
        placeholder = p;
        snapshot = null;
        draw();
    }



    static Color diverging(double t) {
        // t in [-1, 1]: blue (#2166ac) through white to red (#b2182b).
        if (Double.isNaN(t)) {
            return Color.TRANSPARENT;
        }
        t = Math.max(-1, Math.min(1, t));
        return t < 0 ? Color.WHITE.interpolate(Color.web("#2166ac"), -t) : Color.WHITE.interpolate(Color.web("#b2182b"), t);
    }

    /** {@link #diverging} as packed ARGB, for filling an image without a Color object per cell. */
    static int divergingArgb(double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        t = Math.max(-1, Math.min(1, t));
        // White to #2166ac below zero, white to #b2182b above.
        int r = t < 0 ? 0x21 : 0xb2;
        int gr = t < 0 ? 0x66 : 0x18;
        int b = t < 0 ? 0xac : 0x2b;
        double a = Math.abs(t);
        return 0xff000000 | mix(r, a) << 16 | mix(gr, a) << 8 | mix(b, a);
    }

    private static int mix(int channel, double a) {
        return (int) Math.round(255 + (channel - 255) * a);
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(text);
        if (snapshot == null) {
            g.fillText(placeholder, 12, 24);
            return;
        }
        WeightSnapshot.Entry kernel = snapshot.main();
        double legendW = 78;
        double areaW = w - 24 - legendW;
        double areaH = h - 34;
        Heatmap m = Heatmap.of(kernel.previewDims(), gradients ? kernel.grads() : kernel.values(),
                Math.max(1, (int) areaH), Math.max(1, (int) areaW), areaW / Math.max(1, areaH));
        String what = (gradients ? "Gradients of " : "Weights of ") + snapshot.nodeId() + "/" + kernel.name() + " "
                + Arrays.toString(kernel.dims())
                + (snapshot.step() < 0 ? "  ·  trained" : "  ·  step " + snapshot.step());
        g.fillText(what, 12, 16);
        double cell = Math.max(1, Math.min(areaW / m.cols, areaH / m.rows));
        float network = gradients ? snapshot.networkMaxAbsGrad() : snapshot.networkMaxAbs();
        boolean shared = sharedScale && !Float.isNaN(network);
        double top = shared ? network : m.maxAbs;
        double scale = top == 0 ? 1 : top;
        // One pixel a cell, scaled up without smoothing: one draw call where a fillRect per cell
        // (90,000 for a wide Dense kernel) held the JavaFX thread for 50-100 ms a frame.
        int[] argb = new int[m.rows * m.cols];
        for (int k = 0; k < argb.length; k++) {
            argb[k] = divergingArgb(m.cells[k] / scale);
        }
        WritableImage img = new WritableImage(m.cols, m.rows);
        img.getPixelWriter().setPixels(0, 0, m.cols, m.rows, PixelFormat.getIntArgbInstance(), argb, 0, m.cols);
        g.setImageSmoothing(false);
        g.drawImage(img, 12, 26, m.cols * cell, m.rows * cell);
        g.setImageSmoothing(true);
        double lx = w - legendW + 6;
        double lh = Math.min(areaH, 160);
        for (int i = 0; i < lh; i++) {
            g.setFill(diverging(1 - 2.0 * i / lh));
            g.fillRect(lx, 26 + i, 14, 1.5);
        }
        g.setFill(text);
        g.fillText(PlotView.format(scale), lx + 18, 34);
        g.fillText("0", lx + 18, 26 + lh / 2 + 4);
        g.fillText(PlotView.format(-scale), lx + 18, 26 + lh);
        g.fillText(shared ? "all layers" : "this layer", lx, 26 + lh + 16);
    }
}
