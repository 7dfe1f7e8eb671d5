package org.layerlab.ui.canvas;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The canvas's zoom and pan: a translation and a scale of its content, the zoom kept between
 * 20% (where nodes show their name only, still readable) and 300%.
 */
final class Viewport {
    static final double MIN_ZOOM = 0.2;
    static final double MAX_ZOOM = 3;
    private static final double MARGIN = 40;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate translate = new Translate(0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);

    Viewport() {
        zoom.addListener((o, a, b) -> {
            scale.setX(b.doubleValue());
            scale.setY(b.doubleValue());
        });
    }

    DoubleProperty zoom() {
        return zoom;
    }

    /** The transforms to put on the content, in this order. */
    Translate translate() {
        return translate;
    }

    Scale scale() {
        return scale;
    }

    void panTo(double x, double y) {
        translate.setX(x);
        translate.setY(y);
    }

    /** Zooms by factor keeping the content point under (x, y) of the pane in place. */
    void zoomAt(double factor, double x, double y) {
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor));
        double f = z / zoom.get();
        panTo(x - (x - translate.getX()) * f, y - (y - translate.getY()) * f);
        zoom.set(z);
    }

    /** Zooms (at most 100%) and pans so content, in content coordinates, fits a pane of width × height with a margin. */
    void fit(Bounds content, double width, double height) {
        double z = Math.min(1, Math.min((width - 2 * MARGIN) / content.getWidth(), (height - 2 * MARGIN) / content.getHeight()));
        z = Math.max(MIN_ZOOM, z);
        zoom.set(z);
        panTo(Math.max(MARGIN - content.getMinX() * z, (width - content.getWidth() * z) / 2 - content.getMinX() * z),
                MARGIN / 2 - content.getMinY() * z);
    }

    static Bounds box(double minX, double minY, double maxX, double maxY) {
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }
}
