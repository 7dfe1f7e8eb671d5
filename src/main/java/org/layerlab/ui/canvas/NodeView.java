package org.layerlab.ui.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NodeInfo;
import org.layerlab.nn.graph.Problem;

/**
 * One layer on the canvas: its name and kind, key settings, output shape and parameter count,
 * an input port on top (one per connected input, plus a free one on merges) and an output port
 * below; red outline, badge and fix button when validation finds a problem. Draws a node of the
 * document and holds no data of its own.
 */
final class NodeView extends VBox {
    static final double WIDTH = 230;
    static final double HEIGHT = 80;
    private final String nodeId;
    private final Circle output = new Circle(6);
    private final List<Circle> inputs = new ArrayList<>();
    private final Button fix = new Button();

    NodeView(GraphNode node, NodeInfo info, List<Problem> problems, int inputPorts) {
        this.nodeId = node.id();
        setId("node-" + node.id());
        getStyleClass().add("graph-node");
        getStyleClass().addAll("kind-" + node.spec().kind().toLowerCase(Locale.ROOT),
                "category-" + node.spec().descriptor().category().name().toLowerCase(Locale.ROOT));
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, Region.USE_PREF_SIZE);
        setLayoutX(node.x());
        setLayoutY(node.y());

        Label name = new Label(node.name());
        name.getStyleClass().add("node-name");
        Label kind = new Label(node.spec().kind());
        kind.getStyleClass().add("node-kind");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, name, spacer, kind);
        header.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label(node.spec().summary());
        summary.getStyleClass().add("node-summary");
        String shape = info == null || info.outputShape() == null ? "shape unknown" : info.outputShape().toBatchString();
        long params = info == null ? 0 : info.params();
        Label out = new Label("→ " + shape);
        out.setId("shape-" + node.id());
        out.getStyleClass().add("node-shape");
        Label count = new Label(params > 0 ? String.format("%,d params", params) : "");
        count.getStyleClass().add("node-shape");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(4, out, gap, count);
        getChildren().addAll(header, summary, footer);
        this.name = name;
        this.kind = kind;
        this.summary = summary;
        this.footer = footer;

        if (!problems.isEmpty()) {
            boolean error = problems.stream().anyMatch(Problem::isError);
            getStyleClass().add(error ? "node-error" : "node-warning");
            Label badge = new Label(error ? "!" : "?");
            badge.getStyleClass().add("node-badge");
            badge.setId("badge-" + node.id());
            header.getChildren().add(badge);
            Tooltip tip = new Tooltip(String.join("\n", problems.stream().map(Problem::message).toList()));
            tip.setShowDelay(Duration.millis(200));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            Tooltip.install(this, tip);
            Problem withFix = problems.stream().filter(p -> p.fix() != null).findFirst().orElse(null);
            if (withFix != null) {
                fix.setText("Fix: " + withFix.fix().label());
                fix.setId("fix-" + node.id());
                fix.getStyleClass().add("node-fix");
                fix.setUserData(withFix.fix());
                fix.setFocusTraversable(false);
                getChildren().add(fix);
                setPrefHeight(HEIGHT + 28);
            }
        }
        output.getStyleClass().add("port");
        output.setId("out-" + node.id());
        for (int i = 0; i < inputPorts; i++) {
            Circle c = new Circle(6);
            c.getStyleClass().add("port");
            c.setId("in-" + node.id() + "-" + i);
            c.setUserData(i);
            inputs.add(c);
        }
    }

    private final Label name;
    private final Label kind;
    private final Label summary;
    private final HBox footer;

    /** Below this zoom a node shows only its name and summary, drawn larger so they stay readable. */
    static final double COMPACT_BELOW = 0.8;
    static final double NAME_ONLY_BELOW = 0.5;

    /**
     * Semantic zoom: at low zoom the node keeps what can be read (name, and the summary that says
     * kind and key settings) at a size that stays about 11 px on screen, and drops the rest; below
     * 50% only the name.
     */
    void setZoom(double z) {
        boolean compact = z < COMPACT_BELOW;
        // Below half size only the name is left, so that even a whole long network fitted at a
        // quarter size reads (names may then be shortened with "…").
        boolean nameOnly = z < NAME_ONLY_BELOW;
        kind.setVisible(!compact);
        kind.setManaged(!compact);
        footer.setVisible(!compact);
        footer.setManaged(!compact);
        summary.setVisible(!nameOnly);
        summary.setManaged(!nameOnly);
        // The name alone may run past the box rather than shrink to "max…": in a column of layers
        // the space to the right is free.
        name.setMinWidth(nameOnly ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
        if (compact) {
            name.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", Math.min(52, 11.5 / z)));
            summary.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", Math.min(24, 10.5 / z)));
        } else {
            name.setStyle("");
            summary.setStyle("");
        }
    }

    String nodeId() {
        return nodeId;
    }

    Circle outputPort() {
        return output;
    }

    List<Circle> inputPorts() {
        return inputs;
    }

    Button fixButton() {
        return fix;
    }

    /** Where input port {@code port} sits, in canvas content coordinates. */
    /** Ports on the sides (inputs left, output right) for a left-to-right graph; else top and bottom. */
    private boolean horizontal;

    void setHorizontal(boolean h) {
        horizontal = h;
    }

    boolean horizontal() {
        return horizontal;
    }

    private double height() {
        return Math.max(getHeight(), getPrefHeight());
    }

    double inputX(int port) {
        int n = Math.max(1, inputs.size());
        return horizontal ? getLayoutX() : getLayoutX() + WIDTH * (port + 1) / (n + 1);
    }

    double inputY(int port) {
        int n = Math.max(1, inputs.size());
        return horizontal ? getLayoutY() + height() * (port + 1) / (n + 1) : getLayoutY();
    }

    double outputX() {
        return horizontal ? getLayoutX() + WIDTH : getLayoutX() + WIDTH / 2;
    }

    double outputY() {
        return horizontal ? getLayoutY() + height() / 2 : getLayoutY() + height();
    }

    /** Keeps the port circles (drawn in the canvas' port layer) on this node's edges. */
    void placePorts() {
        output.setCenterX(outputX());
        output.setCenterY(outputY());
        for (int i = 0; i < inputs.size(); i++) {
            inputs.get(i).setCenterX(inputX(i));
            inputs.get(i).setCenterY(inputY(i));
        }
    }
}
