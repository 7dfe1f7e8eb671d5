package org.layerlab.ui.dashboard;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.AttentionSnapshot;

/**
 * Where the attention layers look, for the first training example: per layer a row of heads side
 * by side, each a query × key grid (a row is one position's weights over the positions it sees,
 * summing to 1), darker for more weight, relative to the head's largest (diffuse heads would
 * otherwise all look blank). With a causal mask the upper triangle stays empty.
 */
final class AttentionView extends ExampleView<AttentionSnapshot> {
    private final String subject;
    private final String legend;

    AttentionView() {
        this("first training example", "rows: positions, columns: where they look");
    }

    /** subject: which input the weights are for ("this text"); legend: what rows and columns are, said briefly. */
    AttentionView(String subject, String legend) {
        this.subject = subject;
        this.legend = legend;
    }

    @Override
    String subject() {
        return subject;
    }

    @Override
    String emptyText() {
        return "Where each attention head looks, for the first training example, appears after each epoch.";
    }

    @Override
    int epoch(AttentionSnapshot s) {
        return s.epoch();
    }

    @Override
    String legend() {
        return legend;
    }

    @Override
    void paintSnapshot(GraphicsContext g, double w, double h, AttentionSnapshot snapshot) {
        int layers = snapshot.layers().size();
        double rowH = (h - 34) / layers;
        for (int l = 0; l < layers; l++) {
            AttentionSnapshot.Layer layer = snapshot.layers().get(l);
            double top = 34 + l * rowH;
            double cell = Math.max(1, Math.min((rowH - 32) / layer.queries(),
                    (w - 24 - (layer.heads() - 1) * 16.0) / layer.heads() / layer.keys()));
            for (int head = 0; head < layer.heads(); head++) {
                double left = 12 + head * (layer.keys() * cell + 16);
                float max = 1e-12f;
                for (int q = 0; q < layer.queries(); q++) {
                    for (int k = 0; k < layer.keys(); k++) {
                        max = Math.max(max, layer.weight(head, q, k));
                    }
                }
                g.setFill(text);
                g.setFont(Font.font(11));
                // The layer's name once, each head's number above its grid: long names do not run into the next head.
                if (head == 0) {
                    g.fillText(layer.name(), left, top + 11);
                }
                g.fillText("head " + (head + 1), left, top + 24);
                for (int q = 0; q < layer.queries(); q++) {
                    for (int k = 0; k < layer.keys(); k++) {
                        g.setFill(shade(layer.weight(head, q, k) / max));
                        g.fillRect(left + k * cell, top + 28 + q * cell, Math.ceil(cell), Math.ceil(cell));
                    }
                }
                g.setStroke(text);
                g.strokeRect(left, top + 28, layer.keys() * cell, layer.queries() * cell);
            }
        }
    }

    /** 0 → the background, 1 (the head's largest weight) → full blue. */
    private Color shade(float share) {
        double v = Math.max(0, Math.min(1, share));
        Color empty = dark ? Color.web("#1e2227") : Color.WHITE;
        return empty.interpolate(Color.web("#2b5cb8"), v);
    }
}
