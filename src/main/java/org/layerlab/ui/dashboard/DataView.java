package org.layerlab.ui.dashboard;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.data.Dataset;
import org.layerlab.data.DatasetStats;
import org.layerlab.engine.Tensor;

/**
 * What the project trains on: samples per split, class balance bars, per-feature statistics
 * (min, mean, max, std of the first features), and a grid of the first images with their labels
 * for image data, or a scatter of the first two features coloured by class.
 */
final class DataView extends CanvasView {
    private static final Color[] COLORS = {Color.web("#4a7bd1"), Color.web("#d9822b"), Color.web("#2f9e77"),
        Color.web("#b65fc4"), Color.web("#d24d57"), Color.web("#9c8a3c"), Color.web("#1f9fb4"), Color.web("#8a8f98"),
        Color.web("#5f3dc4"), Color.web("#e8590c")};
    private Dataset train;
    private int testSize;
    private DatasetStats stats;
    private String message = "Choose data in the inspector (nothing selected ▸ Choose data…) to see it here.";

    void show(Dataset trainPart, int test, DatasetStats s) {
        train = trainPart;
        testSize = test;
        stats = s;
        draw();
    }

    void showMessage(String m) {
        train = null;
        message = m;
        draw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(text);
        if (train == null) {
            g.fillText(message, 12, 24);
            return;
        }
        g.fillText(String.format("%,d training samples, %,d test samples · features %s", train.size(), testSize,
                train.featureShape()), 12, 16);
        double y = 34;
        if (stats.classCounts().length > 0) {
            long max = 1;
            for (long c : stats.classCounts()) {
                max = Math.max(max, c);
            }
            g.fillText("Class balance", 12, y);
            y += 6;
            int k = stats.classCounts().length;
            double rowH = Math.max(11, Math.min(16, (h - y - 10) / k));
            g.setFont(Font.font(rowH < 14 ? 10 : 12));
            for (int c = 0; c < k; c++) {
                String name = c < train.classNames().size() ? train.classNames().get(c) : Integer.toString(c);
                double bar = (w * 0.35 - 110) * stats.classCounts()[c] / max;
                g.setFill(COLORS[c % COLORS.length]);
                g.fillRect(110, y + c * rowH + 2, Math.max(1, bar), rowH - 4);
                g.setFill(text);
                g.fillText(name.length() > 14 ? name.substring(0, 14) : name, 12, y + c * rowH + rowH - 4);
                g.fillText(Long.toString(stats.classCounts()[c]), 114 + bar, y + c * rowH + rowH - 4);
            }
            y += k * rowH + 14;
            g.setFont(Font.font(12));
        }
        int features = Math.min(stats.mean().length, (int) ((h - y - 20) / 15));
        if (train.featureShape().rank() == 1 && features > 0) {
            g.setFont(Font.font("DejaVu Sans Mono", 11));
            g.fillText("feature        min       mean        max        std", 12, y);
            for (int j = 0; j < features; j++) {
                g.fillText(String.format("%-8d %10s %10s %10s %10s", j + 1, PlotView.format(stats.min()[j]),
                        PlotView.format(stats.mean()[j]), PlotView.format(stats.max()[j]), PlotView.format(stats.std()[j])),
                        12, y + 15 * (j + 1));
            }
            g.setFont(Font.font(12));
        }
        double ox = w * 0.4;
        double size = Math.min(w - ox - 12, h - 34);
        if (train.featureShape().rank() == 3) {
            images(g, ox, 26, size);
        } else if (train.featureShape().size() >= 2) {
            scatter(g, ox, 26, size);
        }
    }

    private void images(GraphicsContext g, double ox, double oy, double size) {
        int ih = train.featureShape().dim(0);
        int iw = train.featureShape().dim(1);
        int ch = train.featureShape().dim(2);
        double cellW = 64;
        double cellH = 64 + 14;
        int perRow = Math.max(1, (int) ((getWidth() - ox - 8) / cellW));
        int rows = Math.max(1, (int) ((getHeight() - oy - 4) / cellH));
        int n = Math.min(perRow * rows, train.size());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.ofBatch(n, train.featureShape());
        Tensor y = Tensor.zeros(n, train.targetWidth());
        train.gather(order, 0, n, x, y);
        double px = (cellW - 8) / Math.max(ih, iw);
        g.setFont(Font.font(10));
        for (int i = 0; i < n; i++) {
            double cx = ox + (i % perRow) * cellW;
            double cy = oy + (i / perRow) * cellH;
            for (int r = 0; r < ih; r++) {
                for (int c = 0; c < iw; c++) {
                    int base = ((i * ih + r) * iw + c) * ch;
                    double v = Math.max(0, Math.min(1, x.get(base)));
                    g.setFill(ch == 3 ? Color.color(v, Math.max(0, Math.min(1, x.get(base + 1))),
                            Math.max(0, Math.min(1, x.get(base + 2)))) : Color.gray(v));
                    g.fillRect(cx + c * px, cy + r * px, Math.ceil(px), Math.ceil(px));
                }
            }
            int label = (int) y.get(i * train.targetWidth());
            String name = label < train.classNames().size() ? train.classNames().get(label) : Integer.toString(label);
            g.setFill(text);
            g.fillText(name.length() > 10 ? name.substring(0, 10) : name, cx, cy + ih * px + 11);
        }
        g.setFont(Font.font(12));
    }

    private void scatter(GraphicsContext g, double ox, double oy, double size) {
        int n = Math.min(2000, train.size());
        int f = train.featureShape().size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.ofBatch(n, train.featureShape());
        Tensor y = Tensor.zeros(n, train.targetWidth());
        train.gather(order, 0, n, x, y);
        double x0 = stats.min()[0];
        double x1 = stats.max()[0];
        double y0 = stats.min()[1];
        double y1 = stats.max()[1];
        g.setStroke(text);
        g.strokeRect(ox, oy, size, size);
        for (int i = 0; i < n; i++) {
            double px = ox + (x.get(i * f) - x0) / (x1 - x0 + 1e-12) * size;
            double py = oy + size - (x.get(i * f + 1) - y0) / (y1 - y0 + 1e-12) * size;
            int c = train.isClassification() ? (int) y.get(i * train.targetWidth()) : 0;
            g.setFill(COLORS[c % COLORS.length].deriveColor(0, 1, 1, 0.8));
            g.fillOval(px - 2.5, py - 2.5, 5, 5);
        }
        g.setFill(text);
        g.fillText("feature 1 →", ox + size - 70, oy + size + 14);
        g.fillText("feature 2 ↑", ox + 2, oy - 2);
    }
}
