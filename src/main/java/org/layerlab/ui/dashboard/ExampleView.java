package org.layerlab.ui.dashboard;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;

/**
 * A view of what the network does with one example (attention weights, recurrent states): it
 * keeps the newest snapshot, says what will appear before there is one, and titles what it draws
 * with the epoch it comes from.
 */
abstract class ExampleView<T> extends CanvasView {
    private T snapshot;
    /** For views that paint their own colours. */
    protected boolean dark;

    void show(T s) {
        snapshot = s;
        draw();
    }

    void clear() {
        snapshot = null;
        draw();
    }

    T snapshot() {
        return snapshot;
    }

    @Override
    void setDark(boolean dark) {
        this.dark = dark;
        super.setDark(dark);
    }

    /** What the view says while it has nothing to show. */
    abstract String emptyText();

    /** The epoch the snapshot was taken after (the saved history's length for saved weights). */
    abstract int epoch(T s);

    /** What the rows and columns are, after "After epoch N · " and the subject. */
    abstract String legend();

    /** Which examples the view shows. */
    String subject() {
        return "first training example";
    }

    /** Draws the snapshot below the title line, from y = 34. */
    abstract void paintSnapshot(GraphicsContext g, double w, double h, T s);

    @Override
    protected final void paint(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(12));
        g.setFill(text);
        if (snapshot == null) {
            g.fillText(emptyText(), 12, 24);
            return;
        }
        int epoch = epoch(snapshot);
        g.fillText((epoch > 0 ? "After epoch " + epoch : "Untrained weights") + " · " + subject() + " · "
                + legend(), 12, 20);
        paintSnapshot(g, w, h, snapshot);
    }
}
