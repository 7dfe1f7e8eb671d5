package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.layerlab.training.GridSnapshot;
import org.layerlab.training.SampleGrid;

/**
 * An epoch's images as a grid: the Reconstructions tab of an autoencoder or VAE on images (the
 * same test images every epoch, each above what the network makes of it, so a learner watches
 * blurry averages turn into clothes) and the Generated tab of a GAN (its images from the same
 * noise every epoch). Every epoch's grid of the run is kept (a few KB each) and the slider
 * scrubs back through them; Save PNG writes the grid shown, Save GIF all of them.
 */
final class ImageGridView extends ExampleView<GridSnapshot> {
    static final int COLUMNS = 8;
    final BorderPane content;
    final Slider epochs = new Slider(0, 0, 0);
    final Button savePng = new Button("Save PNG…");
    final Button saveGif = new Button("Save GIF…");
    private final Label shownEpoch = new Label();
    private final List<GridSnapshot> history = new ArrayList<>();
    private final String emptyText;
    private final String subject;
    private final String legend;
    private WritableImage image;
    private GridSnapshot imageOf;
    private int imageColumns;

    /** name: the prefix of the controls' ids ("reconstructions"); the texts as ExampleView shows them. */
    ImageGridView(String name, String emptyText, String subject, String legend) {
        this.emptyText = emptyText;
        this.subject = subject;
        this.legend = legend;
        epochs.setId(name + "-epoch");
        epochs.setMajorTickUnit(1);
        epochs.setMinorTickCount(0);
        epochs.setSnapToTicks(true);
        epochs.setBlockIncrement(1);
        epochs.setDisable(true);
        epochs.setTooltip(new Tooltip("Scrub back through this run's epochs"));
        HBox.setHgrow(epochs, Priority.ALWAYS);
        epochs.valueProperty().addListener((o, a, b) -> {
            int i = (int) Math.round(b.doubleValue());
            if (i >= 0 && i < history.size() && snapshot() != history.get(i)) {
                super.show(history.get(i));
                shownEpoch.setText(label(history.get(i)));
            }
        });
        savePng.setId(name + "-save");
        savePng.setDisable(true);
        shownEpoch.setMinWidth(80);
        saveGif.setId(name + "-save-gif");
        saveGif.setDisable(true);
        saveGif.setTooltip(new Tooltip("All of this run's epochs as one looping animation"));
        HBox bar = new HBox(8, new Label("epoch"), epochs, shownEpoch, savePng, saveGif);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        content = new BorderPane(this, bar, null, null, null);
    }

    /**
     * A new epoch's grid: kept, and shown if the slider was following the newest. The saved
     * weights' grid of the epoch already shown (the data reloaded) replaces it.
     */
    @Override
    void show(GridSnapshot s) {
        boolean following = history.isEmpty() || epochs.getValue() >= history.size() - 1;
        if (!history.isEmpty() && history.get(history.size() - 1).epoch() == s.epoch()) {
            history.remove(history.size() - 1);
        }
        history.add(s);
        epochs.setMax(history.size() - 1);
        epochs.setDisable(history.size() < 2);
        savePng.setDisable(false);
        saveGif.setDisable(history.size() < 2);
        if (following) {
            epochs.setValue(history.size() - 1);
            super.show(s);
            shownEpoch.setText(label(s));
        }
    }

    @Override
    void clear() {
        history.clear();
        epochs.setMax(0);
        epochs.setValue(0);
        epochs.setDisable(true);
        savePng.setDisable(true);
        saveGif.setDisable(true);
        shownEpoch.setText("");
        super.clear();
    }

    /** The grid on screen, for Save PNG; null before the first. */
    SampleGrid shownGrid() {
        return snapshot() == null ? null : snapshot().grid(COLUMNS);
    }

    /** Every kept epoch's grid, in order, for the GIF. */
    List<SampleGrid> keptGrids() {
        return history.stream().map(s -> s.grid(COLUMNS)).toList();
    }

    List<Integer> keptEpochNumbers() {
        return history.stream().map(GridSnapshot::epoch).toList();
    }

    int keptEpochs() {
        return history.size();
    }

    private static String label(GridSnapshot s) {
        return s.epoch() > 0 ? "epoch " + s.epoch() : "untrained";
    }

    @Override
    String emptyText() {
        return emptyText;
    }

    @Override
    int epoch(GridSnapshot s) {
        return s.epoch();
    }

    @Override
    String subject() {
        return subject;
    }

    @Override
    String legend() {
        return legend;
    }

    @Override
    void paintSnapshot(GraphicsContext g, double w, double h, GridSnapshot s) {
        // As many columns as make the images largest: the tab is often wide and short.
        double best = 0;
        int columns = COLUMNS;
        for (int c : new int[] {16, 8, 4}) {
            double gridW = c * (s.image().dim(1) + 1.0);
            double gridH = s.rows(c) * (s.image().dim(0) + 2.0);
            double scale = Math.min((w - 24) / gridW, (h - 44) / gridH);
            if (scale > best + 1e-9) {
                best = scale;
                columns = c;
            }
        }
        if (imageOf != s || imageColumns != columns) {
            SampleGrid grid = s.grid(columns);
            image = image(grid.argb(), grid.width(), grid.height());
            imageOf = s;
            imageColumns = columns;
        }
        // Whole multiples of the grid's pixels from 2× up (every image pixel the same size); below
        // that, whatever fits, unsmoothed, rather than images too small to recognise.
        double scale = Math.min((w - 24) / image.getWidth(), (h - 44) / image.getHeight());
        scale = scale >= 2 ? Math.floor(scale) : Math.max(0.5, scale);
        g.setImageSmoothing(false);
        g.drawImage(image, 12, 34, image.getWidth() * scale, image.getHeight() * scale);
    }
}
