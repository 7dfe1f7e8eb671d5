package org.layerlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A long path in a narrow wrapping text breaks between folders, not inside a file's name. */
@ExtendWith(ApplicationExtension.class)
class PathBreaksTest {
    private static final String PATH = "Dataset: idx /usr/share/games/fashion-mnist/train-images-idx3-ubyte.gz";
    private final Text broken = new Text(PathBreaks.of(PATH));
    private final Text plain = new Text(PATH);

    @Start
    void start(Stage stage) {
        broken.setWrappingWidth(260);
        plain.setWrappingWidth(260);
        stage.setScene(new Scene(new StackPane(broken, plain), 400, 200));
        stage.show();
    }

    @Test
    void everyLineOfAWrappedPathStartsAfterASeparatorOrASpace(FxRobot robot) {
        robot.interact(() -> {
            String text = broken.getText();
            java.util.List<Integer> starts = lineStarts(broken);
            assertTrue(starts.size() >= 2, "the path should take three lines or more of 260 px: " + starts);
            for (int start : starts) {
                char before = text.charAt(start - 1);
                assertTrue(before == '\u200A' || before == ' ', "a line starts inside a name: \""
                        + text.substring(start).replace("\u200A", "") + "\"");
            }
            // Without them the same text breaks mid-name (the bug this mends).
            assertTrue(lineStarts(plain).stream().anyMatch(i -> PATH.charAt(i - 1) != ' ' && PATH.charAt(i - 1) != '/'),
                    "the plain path happened to break only between folders");
        });
    }

    /** The index of the first character of each line after the first: where the caret's top moves down. */
    private static java.util.List<Integer> lineStarts(Text text) {
        java.util.List<Integer> starts = new java.util.ArrayList<>();
        double top = caretTop(text, 0);
        for (int i = 1; i < text.getText().length(); i++) {
            double y = caretTop(text, i);
            if (y > top + 1) {
                starts.add(i);
                top = y;
            }
        }
        return starts;
    }

    private static double caretTop(Text text, int index) {
        return ((javafx.scene.shape.MoveTo) text.caretShape(index, true)[0]).getY();
    }

    @Test
    void theBreaksTakeAlmostNoWidthAndHideNoCharacter(FxRobot robot) {
        robot.interact(() -> {
            Text one = new Text(PathBreaks.of("a/b/c/d"));
            Text other = new Text("a/b/c/d");
            new Scene(new StackPane(one, other));
            // Three hair spaces: a pixel or so each at the default size.
            assertEquals(other.getLayoutBounds().getWidth(), one.getLayoutBounds().getWidth(), 4.5);
            assertEquals("a/b/c/d", one.getText().replace("\u200A", ""));
        });
    }
}
