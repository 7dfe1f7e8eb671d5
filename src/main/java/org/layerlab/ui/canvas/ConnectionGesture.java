package org.layerlab.ui.canvas;

import java.util.function.BiFunction;
import java.util.function.Consumer;
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
    private Consumer<String> refused = message -> { };
    private String lastReason;

    ConnectionGesture(EditorModel model, Group overlay, BiFunction<Double, Double, Point2D> toContent,
                      Function<Point2D, NodeView> nodeAt) {
        this.model = model;
        this.overlay = overlay;
        this.toContent = toContent;
        this.nodeAt = nodeAt;
    }

    /** Where the reason a connection is refused (or would be wrong) goes: the canvas's notice. */
    void onRefused(Consumer<String> r) {
        refused = r;
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
            EdgeView.shape(pending, v.outputX(), v.outputY(), p.getX(), p.getY(), v.horizontal());
            hover(nodeAt.apply(p));
            e.consume();
        });
        out.setOnMouseReleased(e -> {
            NodeView over = nodeAt.apply(toContent.apply(e.getSceneX(), e.getSceneY()));
            overlay.getChildren().remove(pending);
            hover(null);
            if (over != null && !over.nodeId().equals(from)) {
                NetworkGraph g = model.graph();
                if (g.withEdge(new GraphEdge(from, over.nodeId(), Math.min(g.nextFreePort(over.nodeId()),
                        Math.max(0, g.require(over.nodeId()).spec().maxInputs() - 1)))).topologicalOrder().isEmpty()) {
                    // A loop is refused outright, and the user is told why.
                    refused.accept(cycleMessage(g, from, over.nodeId()));
                } else {
                    connect(from, over.nodeId());
                }
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
        return whyNot(source, to) == null;
    }

    /** Why connecting source → to would be wrong, in a sentence; null when it would be fine. */
    String whyNot(String source, String to) {
        NetworkGraph g = model.graph();
        LayerSpec spec = g.require(to).spec();
        String target = g.require(to).name();
        if (source.equals(to)) {
            return "A layer cannot feed itself.";
        }
        if (spec.maxInputs() == 0) {
            return target + " is an Input: data enters there, nothing connects into it.";
        }
        int port = Math.min(g.nextFreePort(to), spec.maxInputs() - 1);
        NetworkGraph next = g.withEdge(new GraphEdge(source, to, port));
        if (next.topologicalOrder().isEmpty()) {
            return cycleMessage(g, source, to);
        }
        GraphAnalysis a = GraphAnalysis.of(next);
        return a.problemsOf(to).stream().filter(p -> p.isError() && !p.message().contains("needs at least"))
                .map(p -> p.message()).findFirst().orElse(null);
    }

    static String cycleMessage(NetworkGraph g, String source, String to) {
        return "Not connected: " + g.require(to).name() + " already feeds " + g.require(source).name()
                + ", so this connection would make a loop. A network runs one way, from its Input to its output.";
    }

    private void hover(NodeView over) {
        if (target != null) {
            target.getStyleClass().removeAll("drop-ok", "drop-bad");
        }
        target = over;
        if (over != null && from != null && !over.nodeId().equals(from)) {
            String why = whyNot(from, over.nodeId());
            over.getStyleClass().add(why == null ? "drop-ok" : "drop-bad");
            if (why != null && !why.equals(lastReason)) {
                // While the pointer is over a red node, the canvas says why it would be wrong.
                refused.accept(why);
            }
            lastReason = why;
        }
    }
}
