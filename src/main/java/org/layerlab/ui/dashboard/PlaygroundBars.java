package org.layerlab.ui.dashboard;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.engine.Shape;
import org.layerlab.training.Playground;

/** The playground's answer: the ten likeliest classes with their probabilities as bars, the first in the accent colour. */
final class PlaygroundBars extends CanvasView {
    private Playground.Prediction prediction;
    private List<String> names = List.of();

    /** For an autoencoder: the image the output is, drawn instead of numbers (null for other networks). */
    private Shape image;

    void show(Playground.Prediction p, List<String> classNames) {
        show(p, classNames, null);
    }

    /** image: the shape to draw the outputs as (an autoencoder's reconstruction), or null. */
    void show(Playground.Prediction p, List<String> classNames, Shape outputImage) {
        prediction = p;
        names = classNames;
        image = outputImage;
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
        if (names.isEmpty() && image != null) {
            g.setFont(Font.font(12));
            g.setFill(text);
            g.fillText("What the network makes of it", 4, 14);
            float[] v = prediction.outputs();
            int[] argb = new int[image.dim(0) * image.dim(1)];
            for (int i = 0; i < argb.length; i++) {
                int grey = (int) Math.round(255 * Math.max(0, Math.min(1, v[i * image.dim(2)])));
                argb[i] = 0xff000000 | grey << 16 | grey << 8 | grey;
            }
            double side = Math.max(16, Math.min(h - 24, w - 8));
            g.setImageSmoothing(false);
            g.drawImage(image(argb, image.dim(1), image.dim(0)), 4, 20, side * image.dim(1) / image.dim(0), side);
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
