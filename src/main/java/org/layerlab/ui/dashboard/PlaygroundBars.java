package org.layerlab.ui.dashboard;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.Playground;

/** The playground's answer: the ten likeliest classes with their probabilities as bars, the first in the accent colour. */
final class PlaygroundBars extends CanvasView {
    private Playground.Prediction prediction;
    private List<String> names = List.of();

    void show(Playground.Prediction p, List<String> classNames) {
        prediction = p;
        names = classNames;
        draw();
    }

    Playground.Prediction prediction() {
        return prediction;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (prediction == null) {
            return;
        }
        if (names.isEmpty()) {
            // Regression: the predicted value(s) themselves, as the model gives them.
            g.setFont(Font.font(14));
            g.setFill(text);
            for (int k = 0; k < Math.min(10, prediction.outputs().length); k++) {
                g.fillText(String.format("predicted%s: %.5g", prediction.outputs().length == 1 ? "" : " " + k,
                        prediction.outputs()[k]), 4, 22 + 20 * k, w - 8);
            }
            return;
        }
        int rows = Math.min(10, prediction.ranking().length);
        double rowH = Math.max(11, Math.min(18, (h - 4) / rows));
        g.setFont(Font.font(rowH < 13 ? 10 : 12));
        double labelW = 100;
        double barW = Math.max(20, Math.min(360, w - labelW - 60));
        for (int r = 0; r < rows; r++) {
            int k = prediction.ranking()[r];
            double y = 4 + r * rowH;
            float p = prediction.outputs()[k];
            g.setFill(text);
            String name = k < names.size() ? names.get(k) : "output " + k;
            g.fillText(name, 4, y + rowH - 4, labelW - 8);
            g.setFill(r == 0 ? Color.web("#4a7bd1") : Color.web("#8a8f98"));
            g.fillRect(labelW, y + 3, barW * Math.max(0, Math.min(1, p)), rowH - 6);
            g.setFill(text);
            g.fillText(String.format("%.1f%%", 100 * p), labelW + barW + 6, y + rowH - 4);
        }
    }
}
