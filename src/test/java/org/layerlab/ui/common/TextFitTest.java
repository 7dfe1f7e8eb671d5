package org.layerlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A caption is whole where it fits its width and cut with "…" to within it where it does not. */
@ExtendWith(ApplicationExtension.class)
class TextFitTest {
    @Start
    void start(Stage stage) {
    }

    @Test
    void wholeWhereItFitsCutToTheWidthWhereNot(FxRobot robot) {
        robot.interact(() -> {
            Font font = Font.font(10);
            TextFit fit = new TextFit(font);
            double full = width("T-shirt/top", font);
            assertEquals("T-shirt/top", fit.fit("T-shirt/top", full + 1));
            String cut = fit.fit("T-shirt/top", full - 1);
            assertTrue(cut.endsWith("…") && cut.length() < "T-shirt/top".length() + 1, cut);
            assertTrue(width(cut, font) <= full - 1, cut);
            // As long as it can be: one more character would not fit.
            String longer = "T-shirt/top".substring(0, cut.length()) + "…";
            assertTrue(width(longer, font) > full - 1, cut + " could be " + longer);
        });
    }

    private static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
