package org.layerlab.ui.dashboard;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.data.DataPreview;
import org.layerlab.data.Dataset;
import org.layerlab.data.DatasetStats;
import org.layerlab.ui.common.PixelImages;
import org.layerlab.ui.common.TextFit;

/**
 * What the project trains on: samples per split, class balance bars, per-feature statistics
 * (name, min, mean, max, std and a histogram of each), and a grid of the first images with their
 * labels for image data, or a scatter of two chosen features (or the first two principal
 * components) coloured by class.
 */
final class DataView extends CanvasView {
    private static final Color[] COLORS = {Color.web("#4a7bd1"), Color.web("#d9822b"), Color.web("#2f9e77"),
        Color.web("#b65fc4"), Color.web("#d24d57"), Color.web("#9c8a3c"), Color.web("#1f9fb4"), Color.web("#8a8f98"),
        Color.web("#5f3dc4"), Color.web("#e8590c")};
    private Dataset train;
    private int testSize;
    private DatasetStats stats;
    private DataPreview preview;
    /** A line about how training sees the data (augmentation), shown after the sizes; may be empty. */
    private String note = "";
    /** Scatter axes: a feature index, or {@link #PC1} / {@link #PC2}. */
    private int xAxis;
    private int yAxis = 1;
    static final int PC1 = -1;
    static final int PC2 = -2;
    private String message = "Choose data in the inspector (nothing selected ▸ Choose data…) to see it here.";

    void show(Dataset trainPart, int test, DatasetStats s, DataPreview p, String note) {
        this.note = note;
        train = trainPart;
        testSize = test;
        stats = s;
        preview = p;
        draw();
    }

    void setAxes(int x, int y) {
        xAxis = x;
        yAxis = y;
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
        g.fillText(String.format("%,d training / %,d test samples · features %s%s", train.size(), testSize,
                train.featureShape(), note.isEmpty() ? "" : " · " + note), 12, 16);
        // Columns side by side, so a short dashboard still shows everything: class balance,
        // feature table, then the image grid or the scatter in what is left.
        double x = 12;
        if (stats.classCounts().length > 0) {
            classBalance(g, x, 38, 200, h);
            x += 220;
        }
        if (train.featureShape().rank() == 1) {
            x = featureTable(g, x, 38, h) + 24;
        }
        double size = Math.min(w - x - 16, h - 56);
        if (train.featureShape().rank() == 3 && preview != null) {
            images(g, x, 26, size);
        } else if (train.featureShape().size() >= 2 && preview != null && size > 60) {
            scatter(g, x + 16, 30, size);
        }
    }

    private void classBalance(GraphicsContext g, double x, double y, double width, double h) {
        long max = 1;
        for (long c : stats.classCounts()) {
            max = Math.max(max, c);
        }
        g.fillText("Class balance", x, y);
        int k = stats.classCounts().length;
        double rowH = Math.max(11, Math.min(16, (h - y - 10) / k));
        int shown = Math.min(k, (int) ((h - y - 6) / rowH));
        g.setFont(Font.font(rowH < 14 ? 10 : 12));
        double barX = x + 80;
        for (int c = 0; c < shown; c++) {
            String name = c < train.classNames().size() ? train.classNames().get(c) : Integer.toString(c);
            double bar = (width - 120) * stats.classCounts()[c] / max;
            double ry = y + 4 + c * rowH;
            g.setFill(COLORS[c % COLORS.length]);
            g.fillRect(barX, ry + 2, Math.max(1, bar), rowH - 4);
            g.setFill(text);
            g.fillText(name.length() > 11 ? name.substring(0, 10) + "…" : name, x, ry + rowH - 4);
            g.fillText(Long.toString(stats.classCounts()[c]), barX + bar + 4, ry + rowH - 4);
        }
        if (shown < k) {
            g.fillText("… " + (k - shown) + " more", x, y + 4 + shown * rowH + rowH - 4);
        }
        g.setFont(Font.font(12));
    }

    /**
     * One row per feature: name, min, mean, max, std and a small histogram of its values.
     * Returns the table's right edge.
     */
    private double featureTable(GraphicsContext g, double x, double y, double h) {
        int rows = Math.min(stats.mean().length, (int) ((h - y - 24) / 15));
        double charW = 6.7;
        double histX = x + 44 * charW;
        double histW = 64;
        if (rows <= 0) {
            return x;
        }
        List<String> names = train.featureNames();
        g.fillText("Features (as the network sees them)", x, y);
        g.setFont(Font.font("DejaVu Sans Mono", 11));
        g.fillText(String.format("%-11s %7s %7s %7s %7s", "", "min", "mean", "max", "std"), x, y + 16);
        for (int j = 0; j < rows; j++) {
            double ry = y + 16 + 15 * (j + 1);
            String name = j < names.size() ? names.get(j) : Integer.toString(j + 1);
            double scale = Math.max(Math.abs(stats.min()[j]), Math.abs(stats.max()[j]));
            g.setFill(text);
            g.fillText(String.format("%-11s %7s %7s %7s %7s", name.length() > 11 ? name.substring(0, 10) + "…" : name,
                    cell(stats.min()[j], scale), cell(stats.mean()[j], scale), cell(stats.max()[j], scale),
                    cell(stats.std()[j], scale)), x, ry);
            if (j < stats.histograms().length) {
                long[] bins = stats.histograms()[j];
                long top = 1;
                for (long b : bins) {
                    top = Math.max(top, b);
                }
                double bw = histW / bins.length;
                g.setFill(COLORS[0].deriveColor(0, 1, 1, 0.75));
                for (int b = 0; b < bins.length; b++) {
                    double bh = 11.0 * bins[b] / top;
                    g.fillRect(histX + b * bw, ry + 1 - bh, Math.max(1, bw - 0.5), bh);
                }
            }
        }
        g.setFill(text);
        if (rows < stats.mean().length) {
            g.fillText("… " + (stats.mean().length - rows) + " more", x, y + 16 + 15 * (rows + 1));
        }
        g.setFont(Font.font(12));
        return histX + histW;
    }

    /** A statistic for a 7-character cell; rounding noise around zero (1e-7 after scaling) shows as 0. */
    private static String cell(double v, double scale) {
        if (Math.abs(v) < 1e-4 * scale) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 10_000 ? String.format("%.1e", v) : a >= 100 ? String.format("%.0f", v)
                : a >= 0.01 || a == 0 ? String.format("%.2f", v) : String.format("%.0e", v);
    }

    private void images(GraphicsContext g, double ox, double oy, double size) {
        int ih = train.featureShape().dim(0);
        int iw = train.featureShape().dim(1);
        int ch = train.featureShape().dim(2);
        double cellW = 64;
        double cellH = 64 + 14;
        int perRow = Math.max(1, (int) ((getWidth() - ox - 8) / cellW));
        int rows = Math.max(1, (int) ((getHeight() - oy - 4) / cellH));
        // The preview already holds the first images: each repaint draws from it, not from the dataset.
        int n = Math.min(perRow * rows, preview.rows());
        double px = (cellW - 8) / Math.max(ih, iw);
        g.setFont(Font.font(10));
        for (int i = 0; i < n; i++) {
            double cx = ox + (i % perRow) * cellW;
            double cy = oy + (i / perRow) * cellH;
            g.setImageSmoothing(false);
            g.drawImage(PixelImages.of(preview.features(), i * ih * iw * ch, ih, iw, ch), cx, cy, iw * px,
                    ih * px);
            int label = (int) preview.targets()[i];
            String name = label < train.classNames().size() ? train.classNames().get(label) : Integer.toString(label);
            g.setFill(text);
            g.fillText(captions.fit(name, cellW - 4), cx, cy + ih * px + 11);
        }
        g.setFont(Font.font(12));
    }

    /** The captions' font, 10 px: names whole where they fit the cell, cut with "…" where not. */
    private final TextFit captions = new TextFit(Font.font(10));

    private double axisValue(int axis, int row, int f) {
        return axis >= 0 ? preview.features()[row * f + axis] : preview.pca().project(preview.features(), row, f, -axis - 1);
    }

    private String axisName(int axis) {
        if (axis < 0) {
            // Short enough for the scatter's edge; the chooser above spells out "principal component".
            return String.format("PC %d (%.0f%% var.)", -axis, 100 * preview.pca().explained(-axis - 1));
        }
        List<String> names = train.featureNames();
        return axis < names.size() ? names.get(axis) : "feature " + (axis + 1);
    }

    private static String fit(String s, int chars) {
        return s.length() <= chars ? s : s.substring(0, Math.max(1, chars - 1)) + "…";
    }

    private void scatter(GraphicsContext g, double ox, double oy, double size) {
        int f = train.featureShape().size();
        boolean pcaMissing = (xAxis < 0 || yAxis < 0) && preview.pca() == null;
        int ax = pcaMissing || xAxis >= f ? 0 : xAxis;
        int ay = pcaMissing || yAxis >= f ? 1 : yAxis;
        int n = preview.rows();
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = axisValue(ax, i, f);
            py[i] = axisValue(ay, i, f);
            x0 = Math.min(x0, px[i]);
            x1 = Math.max(x1, px[i]);
            y0 = Math.min(y0, py[i]);
            y1 = Math.max(y1, py[i]);
        }
        g.setStroke(text);
        g.strokeRect(ox, oy, size, size);
        for (int i = 0; i < n; i++) {
            double sx = ox + 4 + (px[i] - x0) / (x1 - x0 + 1e-12) * (size - 8);
            double sy = oy + size - 4 - (py[i] - y0) / (y1 - y0 + 1e-12) * (size - 8);
            int c = train.isClassification() ? (int) preview.targets()[i] : 0;
            g.setFill(COLORS[c % COLORS.length].deriveColor(0, 1, 1, 0.7));
            g.fillOval(sx - 2.5, sy - 2.5, 5, 5);
        }
        g.setFill(text);
        g.setFont(Font.font(11));
        int chars = (int) (size / 6);
        g.fillText(fit(axisName(ax) + " →", chars), ox, oy + size + 14);
        g.save();
        g.translate(ox - 5, oy + size);
        g.rotate(-90);
        g.fillText(fit(axisName(ay) + " →", chars), 0, 0);
        g.restore();
        if (n < train.size()) {
            g.fillText(fit(String.format("first %,d of %,d samples", n, train.size()), chars), ox, oy - 6);
        }
        g.setFont(Font.font(12));
    }
}
