package org.layerlab.ui.dashboard;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * TeX typeset by JLaTeXMath into a JavaFX image: drawn on an AWT image (which needs no display)
 * and its pixels copied over, so the window needs no Swing bridge. A formula that does not parse
 * is a bug in the caller, and says so in the exception.
 */
final class Tex {
    private Tex() {
    }

    static Image render(String tex, float size, Color colour) {
        TeXIcon icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        icon.setForeground(new java.awt.Color((float) colour.getRed(), (float) colour.getGreen(), (float) colour.getBlue()));
        int w = Math.max(1, icon.getIconWidth());
        int h = Math.max(1, icon.getIconHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        WritableImage out = new WritableImage(w, h);
        int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return out;
    }

    /** A number as a formula shows it: 4 significant digits, a true minus, parentheses when negative inside a product. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "\\mathrm{" + v + "}";
        }
        String s = v == 0 ? "0" : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4
                ? new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString()
                : String.format(java.util.Locale.ROOT, "%.3e", v).replaceAll("e([-+]?)0*(\\d)", "\\\\times 10^{$1$2}");
        return s;
    }

    /** num in parentheses when negative: "(−0.31)" for a factor. */
    static String factor(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }
}
