package org.layerlab.ui.dashboard;

import java.util.function.Consumer;

import org.layerlab.ui.model.EditorModel;

/** The dashboard's Export buttons: the open view as a PNG, the per-epoch history as CSV. */
final class DashboardExport {
    private final DashboardView view;
    private final EditorModel model;
    private final Consumer<String> error;

    DashboardExport(DashboardView view, EditorModel model, Consumer<String> error) {
        this.view = view;
        this.model = model;
        this.error = error;
    }

    void png() {
        CanvasView v = view.currentView();
        if (v == null) {
            error.accept("This tab is a table; open a chart, heatmap, boundary or confusion tab to export it.");
            return;
        }
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setInitialFileName("layerlab-chart.png");
        java.io.File f = c.showSaveDialog(view.getScene().getWindow());
        if (f != null) {
            try {
                org.layerlab.ui.common.Screenshots.writeImage(v.image(), f.toPath());
                view.status.setText("Saved " + f.getName());
            } catch (java.io.IOException ex) {
                error.accept("Cannot save " + f.getName() + ": " + ex.getMessage());
            }
        }
    }

    void csv() {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setInitialFileName("history.csv");
        java.io.File f = c.showSaveDialog(view.getScene().getWindow());
        if (f != null) {
            try {
                java.nio.file.Files.writeString(f.toPath(), HistoryCsv.of(model.project().history()));
                view.status.setText("Saved " + f.getName());
            } catch (java.io.IOException ex) {
                error.accept("Cannot save " + f.getName() + ": " + ex.getMessage());
            }
        }
    }
}
