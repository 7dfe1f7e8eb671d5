package org.layerlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.project.Project;
import org.layerlab.training.TrainingConfig;
import org.layerlab.ui.common.Settings;
import org.layerlab.ui.model.EditorModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window remembers where the user put the side panels, and only that: a resize (which moves
 * the dividers' fractions, the panels keeping their pixels) must not overwrite it, or a position
 * taken at one size comes back at another (a 170-px palette at 1280 px, its names cut off).
 */
@ExtendWith(ApplicationExtension.class)
class PanelLayoutTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        Settings.put("split.main", "");
        this.stage = stage;
        Project p = new Project("panels", NetworkGraph.empty(), TrainingConfig.of(Loss.MSE, 1), null, List.of(), null);
        new MainWindow(stage, new EditorModel(p, null));
        stage.setWidth(1280);
        stage.setHeight(760);
        stage.show();
    }

    @Test
    void aResizeIsNotRememberedButADragIs(FxRobot robot) {
        SplitPane main = robot.lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(s -> s.getOrientation() == Orientation.HORIZONTAL).findFirst().orElseThrow();
        robot.interact(() -> stage.setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.setWidth(1280));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", Settings.get("split.main", ""), "resizing the window saved the dividers");

        Node divider = main.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider")).findFirst().orElseThrow();
        Bounds b = divider.localToScreen(divider.getBoundsInLocal());
        double before = main.getDividerPositions()[0];
        robot.drag(b.getCenterX(), b.getCenterY()).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        String saved = Settings.get("split.main", "");
        assertTrue(!saved.isEmpty(), "the drag was not saved");
        double first = Double.parseDouble(saved.split(",")[0]);
        assertTrue(first > before + 0.02, "saved " + saved + " after dragging the palette's edge right from " + before);
        assertEquals(main.getDividerPositions()[0], first, 1e-4);
    }
}
