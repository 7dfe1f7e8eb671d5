package org.layerlab.ui.dashboard;

import java.util.function.BiConsumer;

import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.layerlab.training.ConfusionMatrix;

/** The validation confusion matrix after the last epoch: rows true class, columns predicted, shaded by share of the row. */
final class ConfusionView extends CanvasView {
    private ConfusionMatrix matrix;
    // Where the last paint put the grid, for clicks.
    private double gridLeft;
    private double gridTop;
    private double gridCell;
    private BiConsumer<Integer, Integer> onCell = (t, p) -> { };

    ConfusionView() {
        setOnMouseClicked(e -> {
            int[] c = cellAt(e.getX(), e.getY());
            if (c != null) {
                onCell.accept(c[0], c[1]);
            }
        });
        setOnMouseMoved(e -> setCursor(cellAt(e.getX(), e.getY()) != null ? Cursor.HAND : Cursor.DEFAULT));
        Tooltip.install(this, new Tooltip("Click a cell to see its test images in the Playground"));
    }

    /** Clicks on a cell: (true class, predicted class). */
    void onCell(BiConsumer<Integer, Integer> action) {
        onCell = action;
    }

    /** The (true, predicted) cell under a point, or null. */
    int[] cellAt(double x, double y) {
        if (matrix == null || gridCell <= 0) {
            return null;
        }
        int p = (int) Math.floor((x - gridLeft) / gridCell);
        int t = (int) Math.floor((y - gridTop) / gridCell);
        int k = matrix.size();
        return x < gridLeft || y < gridTop || p >= k || t >= k ? null : new int[] {t, p};
    }

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
            gridCell = 0;
            g.fillText("The confusion matrix on the validation data appears after each epoch of a classification run"
                    + " (set a validation split or a test part).", 12, 24);
            return;
        }
        int k = matrix.size();
        long total = 0;
        long right = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                total += matrix.count(t, p);
            }
            right += matrix.count(t, t);
        }
        g.fillText(String.format("Validation after epoch %d: rows are the true class, columns the predicted one"
                + " (numbered as the rows)  ·  %.1f%% right", matrix.step(), total == 0 ? 0 : 100.0 * right / total), 12, 16);
        // Measured, not estimated per character: "0  T-shirt/top" was cut off by the first column.
        double labelW = 12 + widestLabel(k) + 12;
        double top = 44;
        double recallW = 70;
        double cell = Math.max(8, Math.min(48, Math.min((w - labelW - recallW - 12) / k, (h - top - 8) / k)));
        gridLeft = labelW;
        gridTop = top;
        gridCell = cell;
        g.setFont(Font.font(11));
        for (int p = 0; p < k; p++) {
            String n = Integer.toString(p);
            g.fillText(n, labelW + p * cell + cell / 2 - n.length() * 3.2, top - 6);
        }
        double rx = labelW + k * cell + 10;
        g.fillText("right", rx, top - 6);
        for (int t = 0; t < k; t++) {
            long row = 0;
            for (int p = 0; p < k; p++) {
                row += matrix.count(t, p);
            }
            double y = top + t * cell;
            g.setFont(Font.font(Math.min(12, Math.max(9, cell - 3))));
            g.setFill(text);
            g.fillText(shortLabel(t), 12, y + cell / 2 + 4);
            g.fillText(row == 0 ? "—" : String.format("%.0f%%", 100.0 * matrix.count(t, t) / row), rx, y + cell / 2 + 4);
            for (int p = 0; p < k; p++) {
                long c = matrix.count(t, p);
                double share = row == 0 ? 0 : (double) c / row;
                Color base = t == p ? Color.web("#2f9e77") : Color.web("#d24d57");
                // Empty cells get a faint shade of the text colour (it follows the theme), so the
                // grid reads as one on a light or a dark background.
                g.setFill(c == 0 ? text.deriveColor(0, 1, 1, 0.12)
                        : Color.TRANSPARENT.interpolate(base, Math.max(0.06, Math.min(1, share * 1.2))));
                g.fillRect(labelW + p * cell, y, cell - 1, cell - 1);
                if (cell >= 22 && c > 0) {
                    String n = Long.toString(c);
                    g.setFont(Font.font(11));
                    g.setFill(share > 0.5 ? Color.WHITE : text);
                    g.fillText(n, labelW + p * cell + cell / 2 - n.length() * 3.2, y + cell / 2 + 4);
                }
            }
        }
    }

    private double widestLabel(int k) {
        Text probe = new Text();
        probe.setFont(Font.font(12));
        double widest = 0;
        for (int t = 0; t < k; t++) {
            probe.setText(shortLabel(t));
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        return widest;
    }

    private String shortLabel(int t) {
        String label = t + "  " + name(t);
        return label.length() > 22 ? label.substring(0, 21) + "…" : label;
    }

    private String name(int i) {
        return i < matrix.classes().size() ? matrix.classes().get(i) : Integer.toString(i);
    }
}
