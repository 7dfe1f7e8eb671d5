package org.layerlab.ui.dashboard;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A region that paints itself on a Canvas the size of the region: the base of the dashboard's
 * views, which draw many cells or points where scene-graph nodes would be too slow. Subclasses
 * implement {@link #paint}; {@link #draw} repaints now.
 */
abstract class CanvasView extends Region {
    private final Canvas canvas = new Canvas();
    /** The colour of labels and axes, which follows the theme. */
    protected Color text = Color.web("#5f6873");

    CanvasView() {
        getChildren().add(canvas);
        setMinSize(200, 140);
    }

    void setDark(boolean dark) {
        text = Color.web(dark ? "#9aa3ad" : "#5f6873");
        draw();
    }

    @Override
    protected void layoutChildren() {
        // Only a new size, or an update missed while hidden, repaints here. Layout passes come for
        // reasons of their own (a label nearby changing its text): repainting on each drew the
        // newest data into charts the "Live views" switch holds still.
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight() || stale) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    /**
     * Repaints now if the view can be seen; a view in a hidden tab only remembers that it is out
     * of date and repaints when its tab is shown (see DashboardView), so training updates cost
     * nothing for the views nobody is looking at.
     */
    final void draw() {
        if (!showing(this)) {
            stale = true;
            return;
        }
        stale = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (getWidth() > 0 && getHeight() > 0) {
            paint(g, getWidth(), getHeight());
        }
    }

    private boolean stale;

    /** Repaints if an update arrived while the view was hidden. */
    final void drawIfStale() {
        if (stale) {
            draw();
        }
    }

    /** Whether a node can be seen: it and every parent visible (a hidden tab's content is not). */
    static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    protected abstract void paint(GraphicsContext g, double w, double h);

    /** The view as an image, for export. */
    WritableImage image() {
        return canvas.snapshot(null, null);
    }

    /** ARGB pixels, row by row, as an image to draw (unsmoothed, at whatever scale the view chooses). */
    static WritableImage image(int[] argb, int width, int height) {
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
