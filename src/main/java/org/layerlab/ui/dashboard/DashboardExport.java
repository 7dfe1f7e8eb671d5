package org.layerlab.ui.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.stage.FileChooser;
import org.layerlab.training.GridAnimation;
import org.layerlab.training.SampleGrid;
import org.layerlab.ui.common.Screenshots;
import org.layerlab.ui.model.EditorModel;

/** The dashboard's Export buttons: the open view as a PNG, the per-epoch history as CSV, an image grid as PNG or GIF. */
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
        saveAs("layerlab-chart.png", file -> Screenshots.writeImage(v.image(), file));
    }

    /** A grid tab's grid as shown (the epoch the slider is on), four screen pixels per image pixel. */
    void grid(ImageGridView tab, String name) {
        SampleGrid grid = tab.shownGrid();
        if (grid != null) {
            saveAs(name + ".png", file -> grid.writePng(file, 4));
        }
    }

    /** A grid tab's grids of the run as a looping GIF, one frame per epoch. */
    void gridGif(ImageGridView tab, String name) {
        List<SampleGrid> grids = tab.keptGrids();
        List<Integer> epochs = tab.keptEpochNumbers();
        if (!grids.isEmpty()) {
            saveAs(name + ".gif", file -> GridAnimation.writeGif(grids, epochs, file, 2, 700));
        }
    }

    void csv() {
        saveAs("history.csv", file -> Files.writeString(file, HistoryCsv.of(model.project().history())));
    }

    /** Writing one file; may fail with the reason the user is shown. */
    @FunctionalInterface
    private interface Writer {
        void write(Path file) throws IOException;
    }

    /** Asks where, writes there, and says so in the status line, or why not. */
    private void saveAs(String suggested, Writer writer) {
        FileChooser c = new FileChooser();
        c.setInitialFileName(suggested);
        File f = c.showSaveDialog(view.getScene().getWindow());
        if (f != null) {
            try {
                writer.write(f.toPath());
                view.statusLine.say("Saved " + f.getName());
            } catch (IOException ex) {
                error.accept("Cannot save " + f.getName() + ": " + ex.getMessage());
            }
        }
    }
}
