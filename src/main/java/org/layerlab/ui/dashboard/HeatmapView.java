package org.layerlab.ui.dashboard;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.WeightSnapshot;

/**
 * Weight (or gradient) heatmaps of one layer with a diverging colormap (blue negative, white
 * zero, red positive) scaled to ±max|value| and a legend with that scale.
 */
final class HeatmapView extends CanvasView {
    private WeightSnapshot snapshot;
    private boolean gradients;
    private String placeholder = "Select a Dense or Conv2D layer on the canvas to see its weights while training.";


    void show(WeightSnapshot s) {
        snapshot = s;
        draw();
    }

    void setGradients(boolean g) {
        gradients = g;
        draw();
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

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(text);
        if (snapshot == null) {
            g.fillText(placeholder, 12, 24);
            return;
        }
        WeightSnapshot.Entry kernel = snapshot.params().get(0);
        double legendW = 70;
        double areaW = w - 24 - legendW;
        double areaH = h - 34;
        Heatmap m = Heatmap.of(kernel.dims(), gradients ? kernel.grads() : kernel.values(), 160, areaW / Math.max(1, areaH));
        String what = (gradients ? "Gradients of " : "Weights of ") + snapshot.nodeId() + "/" + kernel.name() + " "
                + java.util.Arrays.toString(kernel.dims()) + "  ·  step " + snapshot.step();
        g.fillText(what, 12, 16);
        double cell = Math.max(1, Math.min(areaW / m.cols, areaH / m.rows));
        double scale = m.maxAbs == 0 ? 1 : m.maxAbs;
        for (int r = 0; r < m.rows; r++) {
            for (int c = 0; c < m.cols; c++) {
                float v = m.cells[r * m.cols + c];
                if (Float.isNaN(v)) {
                    continue;
                }
                g.setFill(diverging(v / scale));
                g.fillRect(12 + c * cell, 26 + r * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
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
    }
}
