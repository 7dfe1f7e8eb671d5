package org.layerlab.ui.dashboard;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.training.BoundaryPlane;
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
    private List<String> classNames = List.of();
    private String xName = "x";
    private String yName = "y";
    /** The snapshot's regions as one pixel per grid cell, drawn scaled and smoothed (no seams between cells). */
    private WritableImage regions;
    private String placeholder = "Decision regions appear here for tables (one or two features drawn as they are, more"
            + " through a plane).";


    /** Whether regions can be drawn for the data: one or two features, or a classified table of more (through a plane). */
    static boolean applies(Dataset d) {
        int f = d.featureShape().size();
        return f <= 2 || d.featureShape().rank() == 1 && !d.featureNames().isEmpty() && d.isClassification();
    }

    /** For a table of more than two features: the plane the regions are drawn in (read by the training thread). */
    private volatile BoundaryPlane plane;
    private Dataset data;
    /** The features of the plane chosen, or null for the principal components. */
    private int[] pair;

    BoundaryPlane plane() {
        return plane;
    }

    /** Which plane to draw in: the principal components (null), or features i and j. */
    void choosePlane(int[] features) {
        pair = features;
        if (data != null) {
            setData(data);
        }
    }

    /** The points to draw (the first 2,000 samples), normalized as the network sees them. */
    void setData(Dataset d) {
        data = d;
        int features = d.featureShape().size();
        if (!applies(d)) {
            placeholder = "Decision regions are drawn for tables; this data's samples are " + d.featureShape() + ".";
            px = new float[0];
            plane = null;
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
        regression = !d.isClassification() && features <= 2;
        classNames = d.classNames();
        List<String> names = d.featureNames();
        plane = features <= 2 ? null : pair == null || Math.max(pair[0], pair[1]) >= features ? BoundaryPlane.principal(d)
                : BoundaryPlane.features(d, pair[0], pair[1]);
        xName = plane != null ? plane.xName() : names.isEmpty() ? "feature 1" : names.get(0);
        yName = plane != null ? plane.yName() : regression ? "target" : names.size() > 1 ? names.get(1) : "feature 2";
        for (int i = 0; i < n; i++) {
            if (plane != null) {
                double[] uv = plane.project(x.data(), i);
                px[i] = (float) uv[0];
                py[i] = (float) uv[1];
            } else {
                px[i] = x.get(i * features);
                py[i] = features == 2 ? x.get(i * 2 + 1) : y.get(i * d.targetWidth());
            }
            labels[i] = regression || !d.isClassification() ? 0 : (int) y.get(i * d.targetWidth());
        }
        snapshot = null;
        regions = null;
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

    BoundarySnapshot snapshot() {
        return snapshot;
    }

    void show(BoundarySnapshot s) {
        snapshot = s;
        regions = regression || s == null ? null : regionImage(s);
        draw();
    }

    private static WritableImage regionImage(BoundarySnapshot s) {
        int res = s.resolution();
        WritableImage img = new WritableImage(res, res);
        PixelWriter pw = img.getPixelWriter();
        boolean probability = s.classes() == 2;
        for (int i = 0; i < res * res; i++) {
            float v = s.values()[i];
            // Two classes from one sigmoid output: shade by probability, so the margin shows.
            Color c = probability && v >= 0 && v <= 1 ? CLASSES[0].interpolate(CLASSES[1], v)
                    : CLASSES[Math.max(0, (int) v) % CLASSES.length];
            // Row 0 of the grid is the lowest feature value: the image's bottom row.
            pw.setColor(i % res, res - 1 - i / res, c.deriveColor(0, 0.55, 1.25, 0.55));
        }
        return img;
    }

    private static final double LEFT = 52;
    private static final double TOP = 26;
    private static final double BOTTOM = 38;
    private static final double LEGEND = 170;

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(text);
        if (px.length == 0) {
            g.fillText(placeholder, 12, 24);
            return;
        }
        double[] b = snapshot != null ? new double[] {snapshot.minX(), snapshot.maxX(), snapshot.minY(), snapshot.maxY()} : bounds();
        // As wide as there is room for, up to 1.5 times the height: wider would distort the data's shapes.
        double ph = Math.max(40, h - TOP - BOTTOM);
        double pw = Math.max(40, Math.min(w - LEFT - LEGEND - 12, ph * 1.5));
        double ox = LEFT;
        double oy = TOP;
        g.fillText((regression ? "Fitted curve over the training points" : "Decision regions and training points")
                + (snapshot == null ? "  ·  press Train to see them"
                        : snapshot.step() < 0 ? "  ·  trained network" : "  ·  step " + snapshot.step()), 12, 16);
        if (regions != null) {
            g.setImageSmoothing(true);
            g.drawImage(regions, ox, oy, pw, ph);
        }
        axes(g, b, ox, oy, pw, ph);
        for (int i = 0; i < px.length; i++) {
            double x = ox + (px[i] - b[0]) / (b[1] - b[0]) * pw;
            double y = oy + ph - (py[i] - b[2]) / (b[3] - b[2]) * ph;
            g.setFill(regression ? Color.web("#4a7bd1") : CLASSES[labels[i] % CLASSES.length]);
            g.setStroke(Color.WHITE);
            g.fillOval(x - 3, y - 3, 6, 6);
            g.strokeOval(x - 3, y - 3, 6, 6);
        }
        if (snapshot != null && regression) {
            curve(g, b, ox, oy, pw, ph);
        }
        g.setStroke(text);
        g.setLineWidth(1);
        g.strokeRect(ox, oy, pw, ph);
        legend(g, ox + pw + 18, oy);
    }

    /** Round ticks on both axes, labelled with the features' names. */
    private void axes(GraphicsContext g, double[] b, double ox, double oy, double pw, double ph) {
        AxisTicks xt = AxisTicks.within(b[0], b[1], 5);
        AxisTicks yt = AxisTicks.within(b[2], b[3], 4);
        g.setStroke(text);
        g.setLineWidth(1);
        g.setFill(text);
        for (double v : xt.values()) {
            double x = ox + (v - b[0]) / (b[1] - b[0]) * pw;
            String label = xt.label(v);
            g.strokeLine(x, oy + ph, x, oy + ph + 4);
            g.fillText(label, x - label.length() * 3.3, oy + ph + 16);
        }
        for (double v : yt.values()) {
            double y = oy + ph - (v - b[2]) / (b[3] - b[2]) * ph;
            String label = yt.label(v);
            g.strokeLine(ox - 4, y, ox, y);
            g.fillText(label, ox - 8 - label.length() * 6.6, y + 4);
        }
        g.fillText(xName, ox + pw / 2 - xName.length() * 3.3, oy + ph + 32);
        g.save();
        g.translate(12, oy + ph / 2 + yName.length() * 3.3);
        g.rotate(-90);
        g.fillText(yName, 0, 0);
        g.restore();
    }

    private void curve(GraphicsContext g, double[] b, double ox, double oy, double pw, double ph) {
        // An untrained network predicts far outside the data: keep its curve inside the plot.
        g.save();
        g.beginPath();
        g.rect(ox, oy, pw, ph);
        g.clip();
        g.setStroke(Color.web("#d24d57"));
        g.setLineWidth(2.5);
        g.beginPath();
        int res = snapshot.resolution();
        for (int i = 0; i < res; i++) {
            double x = ox + (i + 0.5) / res * pw;
            double y = oy + ph - (snapshot.values()[i] - b[2]) / (b[3] - b[2]) * ph;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.restore();
    }

    /** What the colours mean: one swatch per class (the first eight), or the curve and the points. */
    private void legend(GraphicsContext g, double x, double y) {
        if (regression) {
            g.setStroke(Color.web("#d24d57"));
            g.setLineWidth(2.5);
            g.strokeLine(x, y + 8, x + 16, y + 8);
            g.setFill(text);
            g.fillText("network's prediction", x + 24, y + 12);
            g.setFill(Color.web("#4a7bd1"));
            g.fillOval(x + 5, y + 25, 7, 7);
            g.setFill(text);
            g.fillText("training points", x + 24, y + 33);
            return;
        }
        int shown = Math.min(classNames.size(), CLASSES.length);
        for (int k = 0; k < shown; k++) {
            double row = y + 8 + k * 20;
            g.setFill(CLASSES[k].deriveColor(0, 0.55, 1.25, 0.55));
            g.fillRect(x, row - 8, 16, 16);
            g.setFill(CLASSES[k]);
            g.fillOval(x + 4.5, row - 3.5, 7, 7);
            g.setFill(text);
            g.fillText(classNames.get(k), x + 24, row + 4);
        }
        double note = y + 8 + shown * 20 + 6;
        if (classNames.size() > shown) {
            g.fillText("… " + (classNames.size() - shown) + " more classes", x, note);
            note += 18;
        }
        g.fillText("points: training data", x, note);
        g.fillText("area: the network's class", x, note + 16);
    }
}
