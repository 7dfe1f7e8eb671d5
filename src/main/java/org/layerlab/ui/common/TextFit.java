package org.layerlab.ui.common;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text drawn on a canvas into a fixed width: whole when it fits, else cut with "…" at the width
 * rather than at a character count (ten characters cut "T-shirt/top" to "T-shirt/to" in the Data
 * tab's 64-pixel captions, where all eleven fit). Measures with a Text node: on the JavaFX thread.
 */
public final class TextFit {
    private final Text probe = new Text();

    public TextFit(Font font) {
        probe.setFont(font);
    }

    public String fit(String s, double width) {
        if (widthOf(s) <= width) {
            return s;
        }
        for (int n = s.length() - 1; n > 1; n--) {
            String cut = s.substring(0, n) + "…";
            if (widthOf(cut) <= width) {
                return cut;
            }
        }
        return s.isEmpty() ? s : s.substring(0, 1) + "…";
    }

    private double widthOf(String s) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }
}
