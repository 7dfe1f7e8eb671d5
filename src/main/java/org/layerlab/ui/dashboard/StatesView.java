package org.layerlab.ui.dashboard;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.StatesSnapshot;

/**
 * The hidden state of each recurrent layer over time for the first training example: per layer a
 * units × steps grid (time left to right, in the order the layer reads), red above zero and blue
 * below, on the layer's own scale: which units switch on when, and which never move.
 */
final class StatesView extends ExampleView<StatesSnapshot> {
    @Override
    String emptyText() {
        return "Each recurrent layer's state over time, for the first training example, appears after each epoch.";
    }

    @Override
    int epoch(StatesSnapshot s) {
        return s.epoch();
    }

    @Override
    String legend() {
        return "rows: units, columns: steps (red > 0 > blue)";
    }

    @Override
    void paintSnapshot(GraphicsContext g, double w, double h, StatesSnapshot snapshot) {
        int layers = snapshot.layers().size();
        double rowH = (h - 34) / layers;
        for (int l = 0; l < layers; l++) {
            StatesSnapshot.Layer layer = snapshot.layers().get(l);
            double top = 34 + l * rowH;
            double cellW = Math.max(1, (w - 24) / layer.steps());
            double cellH = Math.max(1, Math.min(cellW * 2, (rowH - 22) / layer.units()));
            float max = 1e-12f;
            for (float v : layer.states()) {
                max = Math.max(max, Math.abs(v));
            }
            g.setFill(text);
            g.setFont(Font.font(11));
            g.fillText(String.format("%s · %d units × %d steps · largest |h| %.2f", layer.name(), layer.units(),
                    layer.steps(), max), 12, top + 12);
            for (int u = 0; u < layer.units(); u++) {
                for (int t = 0; t < layer.steps(); t++) {
                    g.setFill(shade(layer.state(t, u) / max));
                    g.fillRect(12 + t * cellW, top + 18 + u * cellH, Math.ceil(cellW), Math.ceil(cellH));
                }
            }
            g.setStroke(text);
            g.strokeRect(12, top + 18, layer.steps() * cellW, layer.units() * cellH);
        }
    }

    private Color shade(float v) {
        Color zero = dark ? Color.web("#1e2227") : Color.WHITE;
        return v >= 0 ? zero.interpolate(Color.web("#c0392b"), Math.min(1, v))
                : zero.interpolate(Color.web("#2b5cb8"), Math.min(1, -v));
    }
}
