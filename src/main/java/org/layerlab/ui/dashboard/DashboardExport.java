package org.layerlab.ui.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;

import javafx.stage.FileChooser;
import org.layerlab.training.GridAnimation;
import org.layerlab.training.SampleGrid;
import org.layerlab.ui.common.Screenshots;
import org.layerlab.ui.model.EditorModel;

/** The dashboard's Export buttons: the open view as a PNG, the per-epoch history as CSV, a grid of reconstructions. */
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
        FileChooser c = new FileChooser();
        c.setInitialFileName("layerlab-chart.png");
        File f = c.showSaveDialog(view.getScene().getWindow());
        if (f != null) {
            try {
                Screenshots.writeImage(v.image(), f.toPath());
                view.status.setText("Saved " + f.getName());
            } catch (IOException ex) {
                error.accept("Cannot save " + f.getName() + ": " + ex.getMessage());
            }
        }
    }

    /** The Reconstructions tab's grid as shown (the epoch the slider is on), four screen pixels per image pixel. */
    void reconstructions() {
        SampleGrid grid = view.reconstructions.shownGrid();
        if (grid == null) {
            return;
        }
        FileChooser c = new FileChooser();
        c.setInitialFileName("reconstructions.png");
        File f = c.showSaveDialog(view.getScene().getWindow());
        if (f != null) {
            try {
                grid.writePng(f.toPath(), 4);
                view.status.setText("Saved " + f.getName());
            } catch (IOException ex) {
                error.accept("Cannot save " + f.getName() + ": " + ex.getMessage());
            }
        }
    }

    /** The run's grids as a looping GIF, one frame per epoch. */
    void reconstructionsGif() {
        List<SampleGrid> grids = view.reconstructions.keptGrids();
        if (grids.isEmpty()) {
            return;
        }
        FileChooser c = new FileChooser();
        c.setInitialFileName("reconstructions.gif");
        File f = c.showSaveDialog(view.getScene().getWindow());
        if (f != null) {
            try {
                GridAnimation.writeGif(grids, view.reconstructions.keptEpochNumbers(), f.toPath(), 2, 700);
                view.status.setText("Saved " + f.getName());
            } catch (IOException ex) {
                error.accept("Cannot save " + f.getName() + ": " + ex.getMessage());
            }
        }
    }

    void csv() {
        FileChooser c = new FileChooser();
        c.setInitialFileName("history.csv");
        File f = c.showSaveDialog(view.getScene().getWindow());
        if (f != null) {
            try {
                Files.writeString(f.toPath(), HistoryCsv.of(model.project().history()));
                view.status.setText("Saved " + f.getName());
            } catch (IOException ex) {
                error.accept("Cannot save " + f.getName() + ": " + ex.getMessage());
            }
        }
    }
}
