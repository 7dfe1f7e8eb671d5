package org.layerlab.ui.dashboard;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.ConfusionMatrix;

/** The validation confusion matrix after the last epoch: rows true class, columns predicted, shaded by share of the row. */
final class ConfusionView extends CanvasView {
    private ConfusionMatrix matrix;

    void show(ConfusionMatrix m) {
        matrix = m;
        draw();
    }

    void clear() {
        matrix = null;
        draw();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(text);
        if (matrix == null) {
            g.fillText("The confusion matrix on the validation data appears after each epoch of a classification run"
                    + " (set a validation split or a test part).", 12, 24);
            return;
        }
        int k = matrix.size();
        double labelW = 110;
        double top = 46;
        double cell = Math.max(8, Math.min((w - labelW - 20) / k, (h - top - 10) / k));
        g.fillText("Validation after epoch " + matrix.step() + ": rows are the true class, columns the prediction", 12, 16);
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (int p = 0; p < k; p++) {
                row += matrix.count(t, p);
            }
            g.setFill(text);
            g.fillText(name(t), 12, top + t * cell + cell / 2 + 4);
            for (int p = 0; p < k; p++) {
                long c = matrix.count(t, p);
                double share = row == 0 ? 0 : (double) c / row;
                Color base = t == p ? Color.web("#2f9e77") : Color.web("#d24d57");
                g.setFill(Color.TRANSPARENT.interpolate(base, Math.min(1, share * 1.2)));
                g.fillRect(labelW + p * cell, top + t * cell, cell - 1, cell - 1);
                if (cell >= 22) {
                    g.setFill(share > 0.5 ? Color.WHITE : text);
                    g.fillText(Long.toString(c), labelW + p * cell + 4, top + t * cell + cell / 2 + 4);
                }
            }
        }
        g.setFill(text);
        for (int p = 0; p < k && cell >= 16; p++) {
            String n = name(p);
            g.fillText(n.length() > 5 ? n.substring(0, 5) : n, labelW + p * cell + 2, top - 6);
        }
    }

    private String name(int i) {
        return i < matrix.classes().size() ? matrix.classes().get(i) : Integer.toString(i);
    }
}
