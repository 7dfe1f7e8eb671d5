package org.layerlab.ui.data;

import java.util.Arrays;
import java.util.SplittableRandom;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.layerlab.data.Augmentation;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.ui.common.PixelImages;

/**
 * Augmentation settings for image data (flip, shift, rotation) with a preview grid: each row is
 * one training image as loaded, then variants of it as training would see them, redrawn when a
 * setting changes, so the user sees whether a 20° turn still shows a shoe.
 */
final class AugmentationPane extends VBox {
    private static final int ROWS = 4;
    private static final int VARIANTS = 6;
    private final CheckBox flip = new CheckBox("flip left–right");
    private final Spinner<Integer> shift = new Spinner<>(0, 16, 0);
    private final Spinner<Integer> rotate = new Spinner<>(0, 45, 0, 5);
    private final Canvas grid = new Canvas(VARIANTS * 68 + 84, ROWS * 68 + 18);
    private final Label hint = new Label("Check or choose images to preview the variants.");
    private float[] images;
    private Shape shape;
    private long seed = 1;

    AugmentationPane() {
        super(6);
        shift.setEditable(true);
        rotate.setEditable(true);
        shift.setPrefWidth(80);
        rotate.setPrefWidth(80);
        flip.setId("augment-flip");
        shift.setId("augment-shift");
        rotate.setId("augment-rotate");
        Button again = new Button("Other variants");
        again.setOnAction(e -> {
            seed++;
            draw();
        });
        HBox settings = new HBox(10, new Label("Augment training images:"), flip, new Label("shift ± px"), shift,
                new Label("rotate ± °"), rotate, again);
        settings.setAlignment(Pos.CENTER_LEFT);
        flip.selectedProperty().addListener((o, a, b) -> draw());
        shift.valueProperty().addListener((o, a, b) -> draw());
        rotate.valueProperty().addListener((o, a, b) -> draw());
        hint.getStyleClass().add("hint-text");
        getChildren().addAll(settings, grid, hint);
        setPadding(new Insets(4, 0, 0, 0));
    }

    Augmentation value() {
        return new Augmentation(flip.isSelected(), shift.getValue(), rotate.getValue());
    }

    void set(Augmentation a) {
        flip.setSelected(a.flip());
        shift.getValueFactory().setValue(a.shift());
        rotate.getValueFactory().setValue((int) Math.round(a.rotate()));
    }

    /** Takes the first images of the data (spread over classes where possible) for the preview. */
    void setImages(Dataset d) {
        if (d.featureShape().rank() != 3 || d.size() == 0) {
            images = null;
            draw();
            return;
        }
        shape = d.featureShape();
        int n = Math.min(ROWS, d.size());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) ((long) i * d.size() / n);
        }
        Tensor x = Tensor.ofBatch(n, shape);
        d.gather(order, 0, n, x, Tensor.zeros(n, d.targetWidth()));
        images = Arrays.copyOf(x.data(), n * shape.size());
        draw();
    }

    private void draw() {
        GraphicsContext g = grid.getGraphicsContext2D();
        g.clearRect(0, 0, grid.getWidth(), grid.getHeight());
        if (images == null) {
            return;
        }
        Augmentation a;
        try {
            a = value();
        } catch (RuntimeException e) {
            hint.setText(e.getMessage());
            return;
        }
        hint.setText(a.isNone() ? "No augmentation: training sees the images as loaded."
                : "Each epoch, training images are changed at random like these (" + a.describe() + "); test images never are.");
        int per = shape.size();
        int h = shape.dim(0);
        int w = shape.dim(1);
        int c = shape.dim(2);
        double cell = 64;
        double px = cell / Math.max(h, w);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] scratch = new float[per];
        float[] one = new float[per];
        g.setFill(Color.GRAY);
        g.fillText("as loaded", 0, 12);
        g.fillText("variants", 84, 12);
        int rows = images.length / per;
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v <= VARIANTS; v++) {
                System.arraycopy(images, r * per, one, 0, per);
                if (v > 0) {
                    a.apply(one, 0, h, w, c, rng, scratch);
                }
                double ox = v == 0 ? 0 : 84 + (v - 1) * 68;
                paint(g, one, h, w, c, ox, 18 + r * 68, px);
            }
        }
    }

    private static void paint(GraphicsContext g, float[] x, int h, int w, int c, double ox, double oy, double px) {
        g.setImageSmoothing(false);
        g.drawImage(PixelImages.of(x, 0, h, w, c), ox, oy, w * px, h * px);
    }
}
