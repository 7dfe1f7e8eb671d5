package org.layerlab.export.diagram;

import java.util.Locale;

/** A {@link Diagram} as an SVG document: text stays text (searchable, sharp at any zoom), fonts fall back to sans-serif. */
final class DiagramSvg {
    private DiagramSvg() {
    }

    static String of(Diagram d, String title) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\""
                + " viewBox=\"0 0 %.0f %.0f\" font-family=\"Inter, 'Segoe UI', Roboto, sans-serif\">%n", d.width(), d.height(),
                d.width(), d.height()));
        b.append("  <title>").append(escape(title)).append("</title>\n");
        b.append(String.format(Locale.ROOT, "  <rect width=\"%.0f\" height=\"%.0f\" fill=\"#f6f7f9\"/>%n", d.width(), d.height()));
        for (Diagram.Wire w : d.wires()) {
            b.append(String.format(Locale.ROOT, "  <path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" fill=\"none\""
                    + " stroke=\"#7a828e\" stroke-width=\"2\"/>%n", w.x1(), w.y1(), w.cx1(), w.cy1(), w.cx2(), w.cy2(), w.x2(), w.y2()));
        }
        for (Diagram.Card c : d.cards()) {
            b.append(String.format(Locale.ROOT, "  <g transform=\"translate(%.1f %.1f)\">%n", c.x(), c.y()));
            b.append(String.format(Locale.ROOT, "    <rect width=\"%.0f\" height=\"%.0f\" rx=\"8\" fill=\"#ffffff\""
                    + " stroke=\"#c9ced6\" stroke-width=\"1.5\"/>%n", Diagram.CARD_W, Diagram.CARD_H));
            b.append(String.format(Locale.ROOT, "    <rect width=\"%.0f\" height=\"4\" rx=\"2\" fill=\"%s\"/>%n", Diagram.CARD_W,
                    c.colour()));
            // SVG cannot measure text: names are cut by an estimate of their width beside the kind.
            double room = Diagram.CARD_W - 24 - c.kind().length() * 6.6 - 8;
            b.append(text(12, 24, 14, "600", "#1d232b", "start", fit(c.name(), room, 8.4)));
            b.append(text(Diagram.CARD_W - 12, 24, 12, "400", c.colour(), "end", c.kind()));
            b.append(text(12, 46, 12, "400", "#3b434e", "start", c.summary()));
            b.append(text(12, 68, 11, "400", "#5f6875", "start", c.shape()));
            b.append(text(Diagram.CARD_W - 12, 68, 11, "400", "#5f6875", "end", c.params()));
            b.append("  </g>\n");
        }
        return b.append("</svg>\n").toString();
    }

    /** s cut with an ellipsis to about room pixels at charWidth per character. */
    private static String fit(String s, double room, double charWidth) {
        int max = Math.max(1, (int) (room / charWidth));
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }

    private static String text(double x, double y, int size, String weight, String fill, String anchor, String s) {
        return String.format(Locale.ROOT, "    <text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" fill=\"%s\""
                + " text-anchor=\"%s\">%s</text>%n", x, y, size, weight, fill, anchor, escape(s));
    }

    /** User text in XML: the five special characters, and control characters dropped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (ch >= 0x20 || ch == '\t') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
