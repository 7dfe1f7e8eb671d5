package org.layerlab.ui.canvas;

import java.util.function.BiFunction;
import java.util.function.Function;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.ui.commands.Edits;
import org.layerlab.ui.model.EditorModel;

/**
 * Connecting by dragging from a node's output port: a dashed curve follows the pointer, the
 * node under it turns green or red as validation of the would-be graph decides, and release
 * over a node connects into its first free input (replacing the input of a single-input layer).
 */
final class ConnectionGesture {
    private final EditorModel model;
    private final Group overlay;
    private final BiFunction<Double, Double, Point2D> toContent;
    private final Function<Point2D, NodeView> nodeAt;
    private CubicCurve pending;
    private String from;
    private NodeView target;

    ConnectionGesture(EditorModel model, Group overlay, BiFunction<Double, Double, Point2D> toContent,
                      Function<Point2D, NodeView> nodeAt) {
        this.model = model;
        this.overlay = overlay;
        this.toContent = toContent;
        this.nodeAt = nodeAt;
    }

    void install(NodeView v) {
        Circle out = v.outputPort();
        out.setOnMousePressed(e -> {
            from = v.nodeId();
            pending = new CubicCurve();
            pending.getStyleClass().add("edge-pending");
            pending.setFill(null);
            pending.setMouseTransparent(true);
            overlay.getChildren().add(pending);
            e.consume();
        });
        out.setOnMouseDragged(e -> {
            Point2D p = toContent.apply(e.getSceneX(), e.getSceneY());
            EdgeView.shape(pending, v.outputX(), v.outputY(), p.getX(), p.getY());
            hover(nodeAt.apply(p));
            e.consume();
        });
        out.setOnMouseReleased(e -> {
            NodeView over = nodeAt.apply(toContent.apply(e.getSceneX(), e.getSceneY()));
            overlay.getChildren().remove(pending);
            hover(null);
            if (over != null && !over.nodeId().equals(from)) {
                connect(from, over.nodeId());
            }
            from = null;
            e.consume();
        });
    }

    /** Connects into the target's first free port, if the layer takes another input. */
    void connect(String source, String to) {
        NetworkGraph g = model.graph();
        int port = g.nextFreePort(to);
        if (port < g.require(to).spec().maxInputs()) {
            model.execute(Edits.connect(g, source, to, port));
        } else if (g.require(to).spec().maxInputs() == 1) {
            // A single-input layer: the new connection replaces the old one.
            model.execute(Edits.connect(g, source, to, 0));
        }
    }

    /** Whether connecting source → to would leave the target free of errors (drag-over feedback). */
    boolean isValid(String source, String to) {
        NetworkGraph g = model.graph();
        LayerSpec spec = g.require(to).spec();
        if (spec.maxInputs() == 0 || source.equals(to)) {
            return false;
        }
        int port = Math.min(g.nextFreePort(to), spec.maxInputs() - 1);
        NetworkGraph next = g.withEdge(new GraphEdge(source, to, port));
        if (next.topologicalOrder().isEmpty()) {
            return false;
        }
        GraphAnalysis a = GraphAnalysis.of(next);
        return a.problemsOf(to).stream().noneMatch(p -> p.isError() && !p.message().contains("needs at least"));
    }

    private void hover(NodeView over) {
        if (target != null) {
            target.getStyleClass().removeAll("drop-ok", "drop-bad");
        }
        target = over;
        if (over != null && from != null && !over.nodeId().equals(from)) {
            over.getStyleClass().add(isValid(from, over.nodeId()) ? "drop-ok" : "drop-bad");
        }
    }
}
