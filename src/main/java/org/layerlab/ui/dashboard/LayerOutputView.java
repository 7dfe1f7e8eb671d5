package org.layerlab.ui.dashboard;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.engine.Shape;
import org.layerlab.training.Playground;

/**
 * What one layer computed for the playground's input: feature maps as a grid of small images
 * (each on its own scale: black is zero, white its largest value, blue below zero), a sequence
 * as a heatmap of steps × features, and a flat layer as a strip of bars with the units at exactly
 * zero in red (a ReLU that this input leaves off).
 */
final class LayerOutputView extends CanvasView {
    private Playground.LayerOutput output;

    void show(Playground.LayerOutput o) {
        output = o;
        draw();
    }

    Playground.LayerOutput output() {
        return output;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (output == null) {
            return;
        }
        Shape s = output.shape();
        float[] v = output.values();
        g.setFont(Font.font(12));
        g.setFill(text);
        if (s.rank() == 3) {
            int maps = s.dim(2);
            g.fillText(output.layer() + " · " + maps + " feature maps " + s.dim(0) + "×" + s.dim(1)
                    + ", each on its own scale", 4, 12, w - 8);
            paintMaps(g, w, h - 18, s, v);
        } else if (s.rank() == 2) {
            g.fillText(output.layer() + " · " + s.dim(0) + " steps × " + s.dim(1) + " features", 4, 12, w - 8);
            // Features down, steps across.
            int steps = s.dim(0);
            int features = s.dim(1);
            float[] image = new float[steps * features];
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    image[f * steps + t] = v[t * features + f];
                }
            }
            paintGrid(g, 4, 18, w - 8, h - 22, steps, features, image, maxAbs(v, 0, v.length));
        } else {
            int zero = 0;
            for (float x : v) {
                zero += x == 0 ? 1 : 0;
            }
            g.fillText(output.layer() + " · " + v.length + " values" + (zero > 0 ? " · " + zero + " at zero (red)" : ""),
                    4, 12, w - 8);
            paintBars(g, w, h, v);
        }
    }

    private void paintMaps(GraphicsContext g, double w, double h, Shape s, float[] v) {
        int mh = s.dim(0);
        int mw = s.dim(1);
        int maps = s.dim(2);
        // The most columns whose rows still fit: the largest tiles for this many maps.
        int best = 1;
        double bestSide = 0;
        for (int cols = 1; cols <= maps; cols++) {
            int rows = (maps + cols - 1) / cols;
            double side = Math.min((w - 8) / cols, h / rows);
            if (side > bestSide) {
                bestSide = side;
                best = cols;
            }
        }
        double tile = Math.max(2, bestSide - 2);
        for (int m = 0; m < maps; m++) {
            float[] map = new float[mh * mw];
            for (int i = 0; i < mh * mw; i++) {
                map[i] = v[i * maps + m];
            }
            double x = 4 + (m % best) * (tile + 2);
            double y = 18 + (m / best) * (tile + 2);
            paintGrid(g, x, y, tile, tile * mh / mw, mw, mh, map, maxAbs(map, 0, map.length));
        }
    }

    /** values row by row (iw across, ih down), drawn into the box at (x, y) of w × h. */
    private static void paintGrid(GraphicsContext g, double x, double y, double w, double h, int iw, int ih,
                                  float[] values, float max) {
        int[] argb = new int[iw * ih];
        for (int i = 0; i < argb.length; i++) {
            double t = values[i] / max;
            if (t >= 0) {
                int grey = (int) Math.round(255 * Math.min(1, t));
                argb[i] = 0xff000000 | grey << 16 | grey << 8 | grey;
            } else {
                double u = Math.min(1, -t);
                argb[i] = 0xff000000 | (int) Math.round(90 * u) << 8 | (int) Math.round(255 * u);
            }
        }
        WritableImage image = image(argb, iw, ih);
        g.setImageSmoothing(false);
        g.drawImage(image, x, y, w, h);
    }

    private void paintBars(GraphicsContext g, double w, double h, float[] v) {
        float max = maxAbs(v, 0, v.length);
        double top = 20;
        double mid = top + (h - top - 4) / 2;
        double half = (h - top - 4) / 2;
        double bw = Math.max(1, (w - 8) / v.length);
        for (int i = 0; i < v.length; i++) {
            double x = 4 + i * bw;
            if (v[i] == 0) {
                g.setFill(Color.web("#d24d57"));
                g.fillRect(x, mid - 1, Math.max(1, bw - 1), 3);
                continue;
            }
            double len = half * Math.abs(v[i]) / max;
            g.setFill(v[i] > 0 ? Color.web("#4a7bd1") : Color.web("#d9822b"));
            g.fillRect(x, v[i] > 0 ? mid - len : mid, Math.max(1, bw - 1), len);
        }
    }

    private static float maxAbs(float[] v, int from, int to) {
        float m = 1e-12f;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(v[i]));
        }
        return m;
    }
}
