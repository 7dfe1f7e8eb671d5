package org.layerlab.export.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.graph.NodeInfo;
import org.layerlab.nn.layers.LayerCategory;
import org.layerlab.nn.layers.LayerSpec;

/**
 * The network drawn as the canvas draws it, as plain geometry for the SVG and PNG writers: a card
 * per layer where the user placed it (name, kind, summary, output shape, parameters; the kind's
 * colour on its edge), and a curve per connection from an output port to an input port. Graphs
 * drawn left to right keep their ports on the sides, as on the canvas.
 */
record Diagram(List<Card> cards, List<Wire> wires, double width, double height) {
    static final double CARD_W = 230;
    static final double CARD_H = 80;
    private static final double MARGIN = 24;

    /** One layer's card, at (x, y) in the drawing. */
    record Card(double x, double y, String name, String kind, String summary, String shape, String params, String colour) {
    }

    /** One connection: from (x1, y1) to (x2, y2) with the control points of its curve. */
    record Wire(double x1, double y1, double cx1, double cy1, double cx2, double cy2, double x2, double y2) {
    }

    static Diagram of(NetworkGraph g) {
        GraphAnalysis analysis = GraphAnalysis.of(g);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (GraphNode n : g.nodes()) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + CARD_W);
            maxY = Math.max(maxY, n.y() + CARD_H);
        }
        if (g.nodes().isEmpty()) {
            minX = minY = maxX = maxY = 0;
        }
        double dx = MARGIN - minX;
        double dy = MARGIN - minY;
        List<Card> cards = new ArrayList<>();
        Map<String, Card> byId = new HashMap<>();
        for (GraphNode n : g.nodes()) {
            NodeInfo info = analysis.info(n.id());
            String shape = info == null || info.outputShape() == null ? "shape unknown" : info.outputShape().toBatchString();
            long params = info == null ? 0 : info.params();
            Card c = new Card(n.x() + dx, n.y() + dy, n.name(), n.spec().kind(), n.spec().summary(), "→ " + shape,
                    params > 0 ? String.format(Locale.ROOT, "%,d params", params) : "", colour(n.spec()));
            cards.add(c);
            byId.put(n.id(), c);
        }
        boolean sideways = g.drawnLeftToRight();
        List<Wire> wires = new ArrayList<>();
        for (GraphEdge e : g.edges()) {
            Card from = byId.get(e.from());
            Card to = byId.get(e.to());
            int ports = Math.max(1, g.node(e.to()).map(n -> n.spec().maxInputs() == 1 ? 1
                    : Math.max(g.inputsOf(e.to()).size(), n.spec().minInputs())).orElse(1));
            double x1 = sideways ? from.x() + CARD_W : from.x() + CARD_W / 2;
            double y1 = sideways ? from.y() + CARD_H / 2 : from.y() + CARD_H;
            double x2 = sideways ? to.x() : to.x() + CARD_W * (e.port() + 1) / (ports + 1);
            double y2 = sideways ? to.y() + CARD_H * (e.port() + 1) / (ports + 1) : to.y();
            double bend = Math.max(40, (sideways ? Math.abs(x2 - x1) : Math.abs(y2 - y1)) / 2);
            wires.add(sideways ? new Wire(x1, y1, x1 + bend, y1, x2 - bend, y2, x2, y2)
                    : new Wire(x1, y1, x1, y1 + bend, x2, y2 - bend, x2, y2));
        }
        return new Diagram(cards, wires, maxX - minX + 2 * MARGIN, maxY - minY + 2 * MARGIN);
    }

    /** The light theme's colour of the layer's palette group (assets/css/base.css). */
    private static String colour(LayerSpec spec) {
        if (spec.kind().equals("Input")) {
            return "#2f9e77";
        }
        LayerCategory c = spec.descriptor().category();
        return switch (c) {
            case CORE, ACTIVATIONS -> "#4a7bd1";
            case CONVOLUTION -> "#d9822b";
            case POOLING -> "#b65fc4";
            case NORMALIZATION -> "#1f9fb4";
            case SEQUENCE -> "#3b9c5a";
            case REGULARIZATION -> "#8a8f98";
            case MERGE -> "#d24d57";
            case RESHAPE -> "#9c8a3c";
            case GENERATIVE -> "#c2417f";
        };
    }
}
