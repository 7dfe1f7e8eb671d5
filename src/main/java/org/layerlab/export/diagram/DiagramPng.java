package org.layerlab.export.diagram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * A {@link Diagram} as a PNG at a chosen scale (2 gives a sharp image on a high-density screen or
 * a slide), drawn with Java2D so it works headless, the command line included.
 */
final class DiagramPng {
    /** Above this many pixels a side the image would be unwieldy (and Java2D's buffer huge). */
    static final int MAX_SIDE = 16_384;

    private DiagramPng() {
    }

    static void write(Diagram d, double scale, Path file) throws IOException {
        int w = (int) Math.ceil(d.width() * scale);
        int h = (int) Math.ceil(d.height() * scale);
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw new IOException("the diagram at scale " + scale + " would be " + w + "×" + h + " pixels, more than "
                    + MAX_SIDE + " a side: choose a smaller scale, or the SVG");
        }
        BufferedImage image = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            g.setColor(Color.decode("#f6f7f9"));
            g.fillRect(0, 0, (int) Math.ceil(d.width()), (int) Math.ceil(d.height()));
            g.setColor(Color.decode("#7a828e"));
            g.setStroke(new BasicStroke(2f));
            for (Diagram.Wire e : d.wires()) {
                g.draw(new CubicCurve2D.Double(e.x1(), e.y1(), e.cx1(), e.cy1(), e.cx2(), e.cy2(), e.x2(), e.y2()));
            }
            for (Diagram.Card c : d.cards()) {
                card(g, c);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void card(Graphics2D g, Diagram.Card c) {
        RoundRectangle2D box = new RoundRectangle2D.Double(c.x(), c.y(), Diagram.CARD_W, Diagram.CARD_H, 16, 16);
        g.setColor(Color.WHITE);
        g.fill(box);
        g.setColor(Color.decode("#c9ced6"));
        g.setStroke(new BasicStroke(1.5f));
        g.draw(box);
        g.setColor(Color.decode(c.colour()));
        g.fill(new RoundRectangle2D.Double(c.x(), c.y(), Diagram.CARD_W, 4, 4, 4));
        double full = Diagram.CARD_W - 24;
        double kind = text(g, c.kind(), c.x() + Diagram.CARD_W - 12, c.y() + 24, 12, Font.PLAIN, c.colour(), true, full);
        text(g, c.name(), c.x() + 12, c.y() + 24, 14, Font.BOLD, "#1d232b", false, full - kind - 8);
        text(g, c.summary(), c.x() + 12, c.y() + 46, 12, Font.PLAIN, "#3b434e", false, full);
        double params = text(g, c.params(), c.x() + Diagram.CARD_W - 12, c.y() + 68, 11, Font.PLAIN, "#5f6875", true, full);
        text(g, c.shape(), c.x() + 12, c.y() + 68, 11, Font.PLAIN, "#5f6875", false, full - params - 8);
    }

    /** Draws s within room (cut with an ellipsis rather than running over its neighbour) and returns its width. */
    private static double text(Graphics2D g, String s, double x, double y, int size, int style, String colour, boolean right,
                               double room) {
        g.setFont(new Font(Font.SANS_SERIF, style, size));
        g.setColor(Color.decode(colour));
        FontMetrics m = g.getFontMetrics();
        String shown = s;
        while (shown.length() > 1 && m.stringWidth(shown) > room) {
            shown = shown.substring(0, shown.length() - 2) + "…";
        }
        g.drawString(shown, (float) (right ? x - m.stringWidth(shown) : x), (float) y);
        return shown.isEmpty() ? 0 : m.stringWidth(shown);
    }
}
