package org.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.property.DoubleProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.layerlab.nn.graph.Fix;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.graph.NodeInfo;
import org.layerlab.nn.graph.Problem;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.ui.commands.Edits;
import org.layerlab.ui.common.Later;
import org.layerlab.ui.model.EditorModel;

/**
 * The graph editor. Draws the model's graph (rebuilt on every document change; views own no
 * data) and turns gestures into commands: drag a node (one Move on release), click /
 * shift-click / rubber band to select, wheel to zoom, middle- or right-drag or space+drag to
 * pan, Delete to remove, and drops from the palette. Connecting by dragging from a port is
 * {@link ConnectionGesture}.
 */
public final class GraphCanvas extends Pane {
    private final EditorModel model;
    private final Group content = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group portLayer = new Group();
    private final Group overlay = new Group();
    private final Viewport viewport = new Viewport();
    private final DoubleProperty zoom = viewport.zoom();
    private final Map<String, NodeView> views = new LinkedHashMap<>();
    private final List<EdgeView> edges = new ArrayList<>();
    private GraphEdge selectedEdge;
    private boolean spaceDown;

    // Gesture state.
    private final NodeDrag drag;
    private final RubberBand band = new RubberBand(overlay);
    private final ConnectionGesture connections;
    private Point2D panStart;

    public GraphCanvas(EditorModel model) {
        this.model = model;
        setId("canvas");
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        this.connections = new ConnectionGesture(model, overlay, this::toContent, this::findNodeAt);
        this.drag = new NodeDrag(model, views, zoom::get, this::placeEdges);
        content.getTransforms().addAll(viewport.translate(), viewport.scale());
        content.getChildren().addAll(edgeLayer, nodeLayer, portLayer, overlay);
        getChildren().add(content);
        notice.setId("canvas-notice");
        notice.getStyleClass().add("canvas-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(480);
        notice.setLayoutX(12);
        notice.setLayoutY(12);
        notice.setMouseTransparent(true);
        notice.setVisible(false);
        getChildren().add(notice);
        emptyHint.setId("canvas-empty-hint");
        emptyHint.getStyleClass().add("canvas-empty-hint");
        emptyHint.setWrapText(true);
        emptyHint.setMaxWidth(360);
        emptyHint.setMouseTransparent(true);
        emptyHint.layoutXProperty().bind(widthProperty().subtract(emptyHint.widthProperty()).divide(2));
        emptyHint.layoutYProperty().bind(heightProperty().subtract(emptyHint.heightProperty()).divide(2));
        getChildren().add(emptyHint);
        connections.onRefused(this::tell);
        zoom.addListener((o, a, b) -> {
            views.values().forEach(v -> v.setZoom(b.doubleValue()));
            edgeLayer.getChildren().forEach(e -> ((EdgeView) e).setZoom(b.doubleValue()));
        });
        // The analysis follows every document change and also arrives later when the data has loaded.
        model.analysisProperty().addListener((o, a, b) -> rebuild());
        model.selection().addListener((SetChangeListener<String>) c -> styleSelection());
        installGestures();
        rebuild();
    }

    /** A sentence over the canvas's top left for a few seconds: why something the user did was refused. */
    void tell(String message) {
        notice.setText(message);
        notice.setVisible(true);
        long shown = ++notices;
        Later.run(5, () -> {
            if (notices == shown) {
                notice.setVisible(false);
            }
        });
    }

    private final Label notice = new Label();
    /** What to do on an empty canvas, for someone who has just started LayerLab. */
    private final Label emptyHint = new Label("Drag a layer here from the palette on the left, or open a sample:"
            + " File ▸ Open Sample. Templates are in File ▸ New from Template.");
    private long notices;

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** What a node view shows; a view is reused while its key is unchanged. */
    private record NodeKey(GraphNode node, NodeInfo info, List<Problem> problems, int ports) {
    }

    private final Map<String, NodeKey> viewKeys = new HashMap<>();
    private final Map<String, EdgeView> edgeCache = new HashMap<>();

    /**
     * Redraws the document. Views whose node, shape, problems and ports are unchanged are kept,
     * so an edit to one layer of a 300-layer network rebuilds one view, not 300.
     */
    public void rebuild() {
        emptyHint.setVisible(model.graph().size() == 0);
        NetworkGraph g = model.graph();
        GraphAnalysis a = model.analysis();
        Map<String, NodeView> old = new LinkedHashMap<>(views);
        views.clear();
        List<Node> nodes = new ArrayList<>();
        List<Node> ports = new ArrayList<>();
        List<NodeView> fresh = new ArrayList<>();
        for (GraphNode n : g.nodes()) {
            LayerSpec spec = n.spec();
            int connected = g.inputsOf(n.id()).size();
            int portCount = spec.maxInputs() == 0 ? 0 : spec.maxInputs() == 1 ? 1
                    : Math.min(spec.maxInputs(), Math.max(2, connected + 1));
            NodeInfo info = a == null ? null : a.info(n.id());
            List<Problem> problems = a == null ? List.of() : a.problemsOf(n.id());
            NodeKey key = new NodeKey(n, info, problems.stream().map(p -> p.message()).toList().isEmpty() ? List.of() : problems,
                    portCount);
            NodeView v = old.get(n.id());
            if (v == null || !sameKey(viewKeys.get(n.id()), key)) {
                v = new NodeView(n, info, problems, portCount);
                v.setZoom(zoom.get());
                wireNode(v);
                fresh.add(v);
            }
            viewKeys.put(n.id(), key);
            views.put(n.id(), v);
            nodes.add(v);
            ports.addAll(v.inputPorts());
            ports.add(v.outputPort());
        }
        viewKeys.keySet().retainAll(views.keySet());
        nodeLayer.getChildren().setAll(nodes);
        portLayer.getChildren().setAll(ports);
        for (NodeView v : fresh) {
            v.applyCss();
            v.layout();
        }
        boolean horizontal = g.drawnLeftToRight();
        views.values().forEach(v -> {
            v.setHorizontal(horizontal);
            v.placePorts();
        });
        edges.clear();
        Map<String, EdgeView> keep = new HashMap<>();
        for (GraphEdge e : g.edges()) {
            NodeInfo src = a == null ? null : a.info(e.from());
            String shape = src == null || src.outputShape() == null ? "" : src.outputShape().toBatchString();
            String key = e + "|" + shape;
            EdgeView ev = edgeCache.get(key);
            if (ev == null) {
                ev = new EdgeView(e, shape);
                ev.setZoom(zoom.get());
                ev.setOnMouseClicked(me -> {
                    selectedEdge = e;
                    model.selection().clear();
                    styleSelection();
                    requestFocus();
                    me.consume();
                });
            }
            keep.put(key, ev);
            edges.add(ev);
        }
        edgeCache.clear();
        edgeCache.putAll(keep);
        edgeLayer.getChildren().setAll(edges);
        placeEdges();
        styleSelection();
    }

    /** Problems compare by message and fix label (fixes hold lambdas, which never compare equal). */
    private static boolean sameKey(NodeKey a, NodeKey b) {
        if (a == null || !a.node().equals(b.node()) || !Objects.equals(a.info(), b.info())
                || a.ports() != b.ports() || a.problems().size() != b.problems().size()) {
            return false;
        }
        for (int i = 0; i < a.problems().size(); i++) {
            Problem x = a.problems().get(i);
            Problem y = b.problems().get(i);
            if (!x.message().equals(y.message()) || (x.fix() == null) != (y.fix() == null)) {
                return false;
            }
        }
        return true;
    }

    private void placeEdges() {
        for (EdgeView ev : edges) {
            NodeView from = views.get(ev.edge().from());
            NodeView to = views.get(ev.edge().to());
            if (from != null && to != null) {
                int port = Math.min(ev.edge().port(), Math.max(0, to.inputPorts().size() - 1));
                ev.connect(from.outputX(), from.outputY(), to.inputX(port), to.inputY(port), from.horizontal());
            }
        }
    }

    private void styleSelection() {
        views.forEach((id, v) -> {
            v.getStyleClass().remove("selected");
            if (model.selection().contains(id)) {
                v.getStyleClass().add("selected");
            }
        });
        for (EdgeView ev : edges) {
            ev.getStyleClass().remove("selected");
            if (ev.edge().equals(selectedEdge)) {
                ev.getStyleClass().add("selected");
            }
        }
    }

    /** A point of this pane in content (graph) coordinates. */
    Point2D toContent(double sceneX, double sceneY) {
        return content.sceneToLocal(sceneX, sceneY);
    }

    private void wireNode(NodeView v) {
        drag.install(v, () -> {
            requestFocus();
            selectedEdge = null;
        });
        v.fixButton().setOnAction(e -> {
            if (v.fixButton().getUserData() instanceof Fix fix) {
                model.execute(Edits.applyFix(model.graph(), fix));
            }
        });
        connections.install(v);
    }

    /** Connects into the target's first free port (see {@link ConnectionGesture#connect}). */
    public void connect(String from, String to) {
        connections.connect(from, to);
    }

    NodeView findNodeAt(Point2D p) {
        for (NodeView v : views.values()) {
            if (v.getBoundsInParent().contains(p)) {
                return v;
            }
        }
        return null;
    }

    private void installGestures() {
        setOnMousePressed(e -> {
            requestFocus();
            if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY || spaceDown) {
                panStart = new Point2D(e.getSceneX() - viewport.translate().getX(), e.getSceneY() - viewport.translate().getY());
                return;
            }
            if (!e.isShiftDown()) {
                model.selection().clear();
            }
            selectedEdge = null;
            styleSelection();
            band.start(toContent(e.getSceneX(), e.getSceneY()));
        });
        setOnMouseDragged(e -> {
            if (panStart != null) {
                viewport.panTo(e.getSceneX() - panStart.getX(), e.getSceneY() - panStart.getY());
                return;
            }
            if (band.active()) {
                band.drag(toContent(e.getSceneX(), e.getSceneY()));
            }
        });
        setOnMouseReleased(e -> {
            panStart = null;
            if (band.active()) {
                model.select(band.finish(model.selection(), views));
            }
        });
        addEventFilter(ScrollEvent.SCROLL, e -> {
            double factor = Math.pow(1.0015, e.getDeltaY());
            zoomAt(factor, e.getX(), e.getY());
            e.consume();
        });
        setOnZoom(e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = true;
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                deleteSelection();
                e.consume();
            }
        });
        setOnKeyReleased(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
            }
        });
    }

    /** Deletes the selected nodes (with their edges) or the selected edge, as one command. */
    public void deleteSelection() {
        if (!model.selection().isEmpty()) {
            model.execute(Edits.delete(model.graph(), List.copyOf(model.selection())));
        } else if (selectedEdge != null) {
            model.execute(Edits.disconnect(model.graph(), selectedEdge));
            selectedEdge = null;
        }
    }

    /** Zooms by factor keeping the content point under (x, y) of this pane in place. */
    public void zoomAt(double factor, double x, double y) {
        viewport.zoomAt(factor, x, y);
    }

    /**
     * Zooms and pans so every node is visible, with a margin, between 20% and 100%: below 80% the
     * nodes draw compact (name and summary, larger), below 50% their name only, so their text stays
     * about 11 px on screen however small the network is drawn.
     */
    public void fitToView() {
        fit(views.values());
    }

    /** Like {@link #fitToView} for the selected layers only (all of them when none is selected). */
    public void zoomToSelection() {
        List<NodeView> chosen = views.values().stream().filter(v -> model.selection().contains(v.nodeId())).toList();
        fit(chosen.isEmpty() ? views.values() : chosen);
    }

    private void fit(Collection<NodeView> fitted) {
        if (fitted.isEmpty() || getWidth() <= 0) {
            return;
        }
        viewport.fit(FitBounds.of(fitted, edges), getWidth(), getHeight());
    }

    /** Where a drop at scene coordinates lands in the graph (for the palette). */
    public Point2D graphPoint(double sceneX, double sceneY) {
        return toContent(sceneX, sceneY);
    }

    /** The centre of the visible area in graph coordinates (where keyboard-added layers go). */
    public Point2D visibleCentre() {
        return content.parentToLocal(getWidth() / 2 - NodeView.WIDTH / 2, getHeight() / 3);
    }

    Map<String, NodeView> views() {
        return views;
    }

    Node content() {
        return content;
    }
}
