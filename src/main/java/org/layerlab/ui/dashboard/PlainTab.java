package org.layerlab.ui.dashboard;

import javafx.scene.Node;

/** A tab whose view is fed from elsewhere (the charts by {@link Curves}, the data by {@link DataShown}): only what it shows. */
record PlainTab(String id, String title, Node content, CanvasView canvas) implements DashboardTab {
}
