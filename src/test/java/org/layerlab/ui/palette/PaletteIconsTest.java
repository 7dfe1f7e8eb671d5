package org.layerlab.ui.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.SVGPath;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.nn.layers.LayerCategory;
import org.layerlab.nn.layers.LayerKinds;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every palette group has an icon in assets/icons that draws inside its 16×16 box; every item shows its group's. */
@ExtendWith(ApplicationExtension.class)
class PaletteIconsTest {
    private PaletteView palette;

    @Start
    void start(Stage stage) {
        palette = new PaletteView(kind -> { });
        stage.setScene(new Scene(palette, 280, 760));
        stage.show();
    }

    @Test
    void everyGroupHasAnIconThatFitsItsBox() {
        for (LayerCategory category : LayerCategory.values()) {
            SVGPath icon = CategoryIcons.create(category);
            Bounds b = icon.getLayoutBounds();
            assertTrue(b.getWidth() > 8 && b.getHeight() > 8, category + " icon draws almost nothing: " + b);
            assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= 16 && b.getMaxY() <= 16,
                    category + " icon leaves its 16×16 box: " + b);
        }
    }

    @Test
    void everyPaletteItemShowsItsGroupsIcon(FxRobot robot) {
        LayerKinds.all().forEach(kind -> {
            Label item = robot.lookup("#palette-" + kind.name()).queryAs(Label.class);
            SVGPath icon = assertInstanceOf(SVGPath.class, item.getGraphic(), kind.name());
            assertEquals(CategoryIcons.pathData(kind.category()), icon.getContent(), kind.name());
        });
    }
}
