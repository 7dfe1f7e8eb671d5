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
import org.layerlab.training.ReconstructionSnapshot;
import org.layerlab.training.SampleGrid;

/**
 * The Reconstructions tab of an autoencoder or VAE on images: the same test images every epoch,
 * each above what the network makes of it, so a learner watches blurry averages turn into
 * clothes. Every epoch's grid of the run is kept (a few KB each) and the slider scrubs back
 * through them; Save PNG writes the grid shown.
 */
final class ReconstructionsView extends ExampleView<ReconstructionSnapshot> {
    static final int COLUMNS = 8;
    final BorderPane content;
    final Slider epochs = new Slider(0, 0, 0);
    final Button savePng = new Button("Save PNG…");
    final Button saveGif = new Button("Save GIF…");
    private final Label shownEpoch = new Label();
    private final List<ReconstructionSnapshot> history = new ArrayList<>();
    private WritableImage image;
    private ReconstructionSnapshot imageOf;
    private int imageColumns;

    ReconstructionsView() {
        epochs.setId("reconstructions-epoch");
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
        savePng.setId("reconstructions-save");
        savePng.setDisable(true);
        shownEpoch.setMinWidth(80);
        saveGif.setId("reconstructions-save-gif");
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
    void show(ReconstructionSnapshot s) {
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
        return snapshot() == null ? null : SampleGrid.of(snapshot(), COLUMNS);
    }

    /** Every kept epoch's grid, in order, for the GIF. */
    List<SampleGrid> keptGrids() {
        return history.stream().map(s -> SampleGrid.of(s, COLUMNS)).toList();
    }

    List<Integer> keptEpochNumbers() {
        return history.stream().map(ReconstructionSnapshot::epoch).toList();
    }

    int keptEpochs() {
        return history.size();
    }

    private static String label(ReconstructionSnapshot s) {
        return s.epoch() > 0 ? "epoch " + s.epoch() : "untrained";
    }

    @Override
    String emptyText() {
        return "Test images and the network's reconstructions of them appear after each epoch.";
    }

    @Override
    int epoch(ReconstructionSnapshot s) {
        return s.epoch();
    }

    @Override
    String subject() {
        return "the first " + ReconstructionSnapshot.COUNT + " test images";
    }

    @Override
    String legend() {
        return "each row of originals above its reconstructions";
    }

    @Override
    void paintSnapshot(GraphicsContext g, double w, double h, ReconstructionSnapshot s) {
        // As many columns as make the images largest: the tab is often wide and short.
        double best = 0;
        int columns = COLUMNS;
        for (int c : new int[] {16, 8, 4}) {
            int pairs = (s.count() + c - 1) / c;
            double gridW = c * (s.image().dim(1) + 1.0);
            double gridH = pairs * 2 * (s.image().dim(0) + 2.0);
            double scale = Math.min((w - 24) / gridW, (h - 44) / gridH);
            if (scale > best + 1e-9) {
                best = scale;
                columns = c;
            }
        }
        if (imageOf != s || imageColumns != columns) {
            SampleGrid grid = SampleGrid.of(s, columns);
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
