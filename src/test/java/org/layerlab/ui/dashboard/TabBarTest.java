package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

/** A tab's bar of controls takes room only while one of its controls shows (the Boundary's plane chooser). */
class TabBarTest {
    @Test
    void aBarWhoseControlsAreAllHiddenTakesNoRoom() {
        Pane label = new Pane();
        Pane chooser = new Pane();
        Node bar = ((BorderPane) DashboardTabs.withBar(new Pane(), label, chooser)).getTop();
        assertTrue(bar.isVisible() && bar.isManaged());
        label.setVisible(false);
        chooser.setVisible(false);
        assertFalse(bar.isVisible() || bar.isManaged(), "two features: nothing to choose, no strip");
        chooser.setVisible(true);
        assertTrue(bar.isVisible() && bar.isManaged());
    }
}
