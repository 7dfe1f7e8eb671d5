package org.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.Rectangle;

/**
 * Selecting by dragging a rectangle over empty canvas: the rectangle is drawn on the overlay in
 * graph coordinates, and every node it touches is added to the selection when it is released.
 */
final class RubberBand {
    private final Group overlay;
    private Rectangle band;
    private Point2D start;

    RubberBand(Group overlay) {
        this.overlay = overlay;
    }

    boolean active() {
        return band != null;
    }

    void start(Point2D at) {
        start = at;
        band = new Rectangle(at.getX(), at.getY(), 0, 0);
        band.getStyleClass().add("rubber-band");
        overlay.getChildren().add(band);
    }

    void drag(Point2D to) {
        band.setX(Math.min(start.getX(), to.getX()));
        band.setY(Math.min(start.getY(), to.getY()));
        band.setWidth(Math.abs(to.getX() - start.getX()));
        band.setHeight(Math.abs(to.getY() - start.getY()));
    }

    /** Ends the gesture: the already selected ids followed by those of the nodes the band touched. */
    List<String> finish(Collection<String> selected, Map<String, NodeView> views) {
        Bounds b = band.getBoundsInParent();
        List<String> hit = new ArrayList<>(selected);
        views.forEach((id, v) -> {
            if (b.getWidth() > 2 && b.intersects(v.getBoundsInParent()) && !hit.contains(id)) {
                hit.add(id);
            }
        });
        overlay.getChildren().remove(band);
        band = null;
        return hit;
    }
}
