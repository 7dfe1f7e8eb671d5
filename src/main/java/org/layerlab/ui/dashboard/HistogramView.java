package org.layerlab.ui.dashboard;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.WeightSnapshot;

/**
 * Weight and gradient distributions of the watched layer over time, TensorBoard-style: one
 * histogram per snapshot stacked as a ridge plot, oldest at the back (top, faded), newest in
 * front. Each side keeps its own symmetric range, widened when values outgrow it.
 */
final class HistogramView extends CanvasView {
    private static final int BINS = 48;
    private static final int KEEP = 24;
    private final Deque<float[][]> history = new ArrayDeque<>();
    private final double[] range = new double[2];
    private String title = "";

    void add(WeightSnapshot s) {
        WeightSnapshot.Entry e = s.params().get(0);
        if (!title.startsWith(s.nodeId() + "/")) {
            history.clear();
            range[0] = 0;
            range[1] = 0;
        }
        title = s.nodeId() + "/" + e.name() + " · step " + s.step();
        range[0] = Math.max(range[0], 1.2 * e.valueDistribution().maxAbs());
        range[1] = Math.max(range[1], 1.2 * e.gradDistribution().maxAbs());
        history.addLast(new float[][] {e.valueDistribution().rebin(BINS, range[0]), e.gradDistribution().rebin(BINS, range[1])});
        if (history.size() > KEEP) {
            history.removeFirst();
        }
        draw();
    }

    void clear() {
        history.clear();
        title = "";
        draw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(text);
        if (history.isEmpty()) {
            g.fillText("Distributions of the selected layer's weights and gradients appear here while training.", 12, 24);
            return;
        }
        g.fillText("Distributions over time of " + title + " (newest in front)", 12, 16);
        double half = (w - 36) / 2;
        ridge(g, 12, 30, half, h - 56, 0, "weights", Color.web("#4a7bd1"));
        ridge(g, 24 + half, 30, half, h - 56, 1, "gradients", Color.web("#d9822b"));
    }

    private void ridge(GraphicsContext g, double x0, double y0, double w, double h, int which, String label, Color c) {
        int n = history.size();
        double step = h / (KEEP + 3);
        double peak = 1e-9;
        for (float[][] hist : history) {
            for (float v : hist[which]) {
                peak = Math.max(peak, v);
            }
        }
        int i = 0;
        for (float[][] hist : history) {
            double base = y0 + 3 * step + (i + KEEP - n) * step;
            double alpha = 0.25 + 0.75 * (i + 1) / n;
            g.beginPath();
            g.moveTo(x0, base);
            for (int b = 0; b < BINS; b++) {
                g.lineTo(x0 + (b + 0.5) * w / BINS, base - hist[which][b] / peak * 3 * step);
            }
            g.lineTo(x0 + w, base);
            g.closePath();
            g.setFill(c.deriveColor(0, 1, 1, alpha * 0.5));
            g.fill();
            g.setStroke(c.deriveColor(0, 1, 1, alpha));
            g.setLineWidth(1);
            g.stroke();
            i++;
        }
        g.setFill(text);
        g.fillText(label + "  ±" + PlotView.format(range[which]), x0, y0 + h + 18);
    }
}
