package org.layerlab.ui.canvas;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import org.layerlab.nn.graph.GraphEdge;

/** A connection drawn as a curve from an output port to an input port, labelled with the tensor shape it carries. */
final class EdgeView extends Group {
    private final CubicCurve curve = new CubicCurve();
    private final Label label = new Label();
    private final GraphEdge edge;

    EdgeView(GraphEdge edge, String shape) {
        this.edge = edge;
        setId("edge-" + edge.from() + "-" + edge.to() + "-" + edge.port());
        curve.getStyleClass().add("edge");
        curve.setFill(null);
        label.setText(shape);
        label.getStyleClass().add("edge-label");
        label.setMouseTransparent(true);
        getChildren().addAll(curve, label);
    }

    GraphEdge edge() {
        return edge;
    }

    CubicCurve curve() {
        return curve;
    }

    void connect(double x1, double y1, double x2, double y2, boolean horizontal) {
        shape(curve, x1, y1, x2, y2, horizontal);
        label.setLayoutX((x1 + x2) / 2 + 8);
        label.setLayoutY((y1 + y2) / 2 - 9);
    }

    /**
     * An S-curve between two ports: vertical (leaves downwards, arrives from above) or, for a
     * left-to-right graph, horizontal (leaves rightwards, arrives from the left).
     */
    static void shape(CubicCurve c, double x1, double y1, double x2, double y2, boolean horizontal) {
        double bend = Math.max(40, (horizontal ? Math.abs(x2 - x1) : Math.abs(y2 - y1)) / 2);
        c.setStartX(x1);
        c.setStartY(y1);
        c.setControlX1(horizontal ? x1 + bend : x1);
        c.setControlY1(horizontal ? y1 : y1 + bend);
        c.setControlX2(horizontal ? x2 - bend : x2);
        c.setControlY2(horizontal ? y2 : y2 - bend);
        c.setEndX(x2);
        c.setEndY(y2);
    }

    /** The shape label is 11 px only at full size: below the nodes' compact zoom it would be specks, so it hides. */
    void setZoom(double z) {
        label.setVisible(z >= NodeView.COMPACT_BELOW);
    }
}
