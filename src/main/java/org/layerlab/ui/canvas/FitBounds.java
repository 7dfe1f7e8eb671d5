package org.layerlab.ui.canvas;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.geometry.Bounds;

/** What Fit to View must show of the graph, in content coordinates: the fitted nodes and the wires between them. */
final class FitBounds {
    private double minX = Double.MAX_VALUE;
    private double minY = Double.MAX_VALUE;
    private double maxX = -Double.MAX_VALUE;
    private double maxY = -Double.MAX_VALUE;

    private FitBounds() {
    }

    static Bounds of(Collection<NodeView> fitted, List<EdgeView> edges) {
        FitBounds f = new FitBounds();
        for (NodeView v : fitted) {
            f.add(v.getLayoutX(), v.getLayoutY(), v.getLayoutX() + NodeView.WIDTH,
                    v.getLayoutY() + Math.max(v.getHeight(), v.getPrefHeight()));
        }
        // Curves between fitted nodes can bulge past them (a wire looping into a port from above).
        Set<String> ids = fitted.stream().map(NodeView::nodeId).collect(Collectors.toSet());
        for (EdgeView ev : edges) {
            if (ids.contains(ev.edge().from()) && ids.contains(ev.edge().to())) {
                Bounds b = ev.curve().getBoundsInParent();
                f.add(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
            }
        }
        return Viewport.box(f.minX, f.minY, f.maxX, f.maxY);
    }

    private void add(double x0, double y0, double x1, double y1) {
        minX = Math.min(minX, x0);
        minY = Math.min(minY, y0);
        maxX = Math.max(maxX, x1);
        maxY = Math.max(maxY, y1);
    }
}
