package org.layerlab.ui.dashboard;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.training.BoundarySnapshot;

/**
 * For two-feature classification data: the network's decision regions redrawn live under the
 * training points, as in TensorFlow Playground; for one-feature regression: the fitted curve
 * over the points.
 */
final class BoundaryView extends CanvasView {
    private static final Color[] CLASSES = {Color.web("#4a7bd1"), Color.web("#d9822b"), Color.web("#2f9e77"),
        Color.web("#b65fc4"), Color.web("#d24d57"), Color.web("#9c8a3c"), Color.web("#1f9fb4"), Color.web("#8a8f98")};
    private BoundarySnapshot snapshot;
    private float[] px = new float[0];
    private float[] py = new float[0];
    private int[] labels = new int[0];
    private boolean regression;
    private String placeholder = "The decision boundary appears here for data with one or two features.";


    /** The points to draw (the first 2,000 samples), normalized as the network sees them. */
    void setData(Dataset d) {
        int features = d.featureShape().size();
        if (features > 2) {
            placeholder = "The decision boundary is shown for data with one or two features; this data has " + features + ".";
            px = new float[0];
            draw();
            return;
        }
        int n = Math.min(d.size(), 2000);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.zeros(n, features);
        Tensor y = Tensor.zeros(n, d.targetWidth());
        d.gather(order, 0, n, x, y);
        px = new float[n];
        py = new float[n];
        labels = new int[n];
        regression = !d.isClassification();
        for (int i = 0; i < n; i++) {
            px[i] = x.get(i * features);
            py[i] = features == 2 ? x.get(i * 2 + 1) : y.get(i * d.targetWidth());
            labels[i] = regression ? 0 : (int) y.get(i * d.targetWidth());
        }
        draw();
    }

    /** The feature ranges the grid should cover: data range plus a margin. */
    double[] bounds() {
        if (px.length == 0) {
            return new double[] {-1, 1, -1, 1};
        }
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < px.length; i++) {
            b[0] = Math.min(b[0], px[i]);
            b[1] = Math.max(b[1], px[i]);
            b[2] = Math.min(b[2], py[i]);
            b[3] = Math.max(b[3], py[i]);
        }
        double mx = (b[1] - b[0]) * 0.1 + 1e-3;
        double my = (b[3] - b[2]) * 0.1 + 1e-3;
        return new double[] {b[0] - mx, b[1] + mx, b[2] - my, b[3] + my};
    }

    void show(BoundarySnapshot s) {
        snapshot = s;
        draw();
    }



    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(text);
        if (px.length == 0) {
            g.fillText(placeholder, 12, 24);
            return;
        }
        double size = Math.min(w - 24, h - 34);
        double ox = 12;
        double oy = 26;
        double[] b = snapshot != null ? new double[] {snapshot.minX(), snapshot.maxX(), snapshot.minY(), snapshot.maxY()} : bounds();
        g.fillText(regression ? "Fitted curve over the training points" : "Decision regions and training points", ox, 16);
        if (snapshot != null && !regression) {
            int res = snapshot.resolution();
            double cell = size / res;
            for (int i = 0; i < res * res; i++) {
                float v = snapshot.values()[i];
                Color c = snapshot.classes() == 2 && snapshot.values().length == res * res && v <= 1
                        ? CLASSES[0].interpolate(CLASSES[1], v) : CLASSES[Math.max(0, (int) v) % CLASSES.length];
                g.setFill(c.deriveColor(0, 0.55, 1.25, 0.55));
                int col = i % res;
                int row = i / res;
                g.fillRect(ox + col * cell, oy + size - (row + 1) * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
        for (int i = 0; i < px.length; i++) {
            double x = ox + (px[i] - b[0]) / (b[1] - b[0]) * size;
            double y = oy + size - (py[i] - b[2]) / (b[3] - b[2]) * size;
            g.setFill(CLASSES[labels[i] % CLASSES.length]);
            g.setStroke(Color.WHITE);
            g.fillOval(x - 3, y - 3, 6, 6);
            g.strokeOval(x - 3, y - 3, 6, 6);
        }
        if (snapshot != null && regression) {
            g.setStroke(Color.web("#d24d57"));
            g.setLineWidth(2.5);
            g.beginPath();
            int res = snapshot.resolution();
            for (int i = 0; i < res; i++) {
                double fx = b[0] + (b[1] - b[0]) * (i + 0.5) / res;
                double x = ox + (fx - b[0]) / (b[1] - b[0]) * size;
                double y = oy + size - (snapshot.values()[i] - b[2]) / (b[3] - b[2]) * size;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
        g.setStroke(text);
        g.setLineWidth(1);
        g.strokeRect(ox, oy, size, size);
    }
}
