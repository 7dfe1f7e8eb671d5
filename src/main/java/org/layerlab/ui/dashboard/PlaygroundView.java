package org.layerlab.ui.dashboard;

import java.util.Arrays;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.layerlab.data.Dataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.training.Playground;

/**
 * The Playground tab for image networks: draw with the mouse (right button erases) or pick a test
 * image, and see at once the input as the network receives it, its answer as bars and, on
 * request, the saliency of the top class over the input (red where a change of the pixel would
 * change the score most). {@link PlaygroundModel} decides what it shows; this draws it.
 */
final class PlaygroundView extends VBox {
    /** The drawing's own resolution: four times a 28-pixel input, so strokes are smooth when averaged down. */
    static final int RESOLUTION = 112;
    final Canvas pad = new Canvas(128, 128);
    final Canvas input = new Canvas(96, 96);
    final PlaygroundBars bars = new PlaygroundBars();
    final Button clear = new Button("Clear");
    final Spinner<Integer> sample = new Spinner<>(1, 1, 1);
    final Button showSample = new Button("Test image");
    final CheckBox saliency = new CheckBox("saliency");
    static final String GRADIENT = "gradient";
    static final String GRADIENT_TIMES_INPUT = "gradient × input";
    static final String OCCLUSION = "occlusion";
    /** Which saliency: the gradient, the gradient times the input, or occlusion sensitivity. */
    final ChoiceBox<String> saliencyKind = new ChoiceBox<>();
    /** "answer" or a layer's name: what the right-hand side shows. */
    final ChoiceBox<String> show = new ChoiceBox<>();
    final LayerOutputView layerOutput = new LayerOutputView();
    /** What ◀ ▶ step through: "mistakes", or a confusion cell such as "Shirt → T-shirt/top". */
    final Hyperlink stepping = new Hyperlink("mistakes");
    final Button previousMistake = new Button("◀");
    final Button nextMistake = new Button("▶");
    final Label truth = new Label();
    final Label message = new Label();
    final float[] drawing = new float[RESOLUTION * RESOLUTION];
    static final String ANSWER = "answer";
    private Runnable changed = () -> { };

    PlaygroundView() {
        setId("playground");
        setSpacing(6);
        setPadding(new Insets(4, 12, 6, 12));
        pad.setId("playground-pad");
        pad.addEventHandler(MouseEvent.MOUSE_PRESSED, this::stroke);
        pad.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::stroke);
        Tooltip.install(pad, new Tooltip("Draw with the left button, erase with the right; or drop an image file here"));
        clear.setId("playground-clear");
        clear.setOnAction(e -> {
            Arrays.fill(drawing, 0);
            truth.setText("");
            paintPad();
            changed.run();
        });
        sample.setEditable(true);
        sample.setPrefWidth(90);
        sample.setId("playground-sample");
        showSample.setId("playground-show-sample");
        showSample.setTooltip(new Tooltip("Put this test image into the playground, with its true label"));
        saliency.setId("playground-saliency");
        saliency.setTooltip(new Tooltip("Red where a change of the pixel would change the top class's score most"
                + " (the gradient of its logit with respect to the input)"));
        message.setId("playground-message");
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        truth.managedProperty().bind(truth.textProperty().isNotEmpty());
        truth.setId("playground-truth");
        stepping.setId("playground-stepping");
        stepping.setTooltip(new Tooltip("What ◀ ▶ step through; click for all the mistakes again"));
        previousMistake.setId("playground-previous-mistake");
        nextMistake.setId("playground-next-mistake");
        Tooltip mistakes = new Tooltip("Step through the test images the network gets wrong, the most confident"
                + " mistakes first");
        previousMistake.setTooltip(mistakes);
        nextMistake.setTooltip(mistakes);
        show.setId("playground-show");
        show.setTooltip(new Tooltip("The network's answer, or what one layer computes for this input"));
        show.getItems().setAll(ANSWER);
        show.setValue(ANSWER);
        saliencyKind.getItems().setAll(GRADIENT, GRADIENT_TIMES_INPUT, OCCLUSION);
        saliencyKind.setValue(GRADIENT);
        saliencyKind.setId("playground-saliency-kind");
        saliencyKind.setTooltip(new Tooltip("gradient: how the top class's logit reacts to each pixel; × input: that,"
                + " weighted by the pixel; occlusion: how much the class's probability falls when a 4 × 4 patch"
                + " around the pixel is blacked out"));
        saliencyKind.disableProperty().bind(saliency.selectedProperty().not());
        // Room for every control at 1280 px: no labels the controls' own text and tooltips make redundant.
        saliencyKind.setPrefWidth(118);
        sample.setPrefWidth(78);
        show.setPrefWidth(96);
        stepping.setMaxWidth(150); // a confusion cell's name, "T-shirt/top → Shirt", is the longest
        for (Control c : List.of(clear, showSample, previousMistake, nextMistake, saliency)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(6, clear, sample, showSample, stepping, previousMistake, nextMistake, saliency,
                saliencyKind, show);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox drawn = new VBox(2, new Label("Drawing"), pad);
        VBox seen = new VBox(2, new Label("Network input"), input);
        bars.setMinSize(220, 100);
        layerOutput.setMinSize(220, 100);
        layerOutput.setVisible(false);
        bars.visibleProperty().bind(layerOutput.visibleProperty().not());
        // One place for either: the answer or a layer's output, the same size.
        StackPane shown = new StackPane(bars, layerOutput);
        VBox.setVgrow(shown, Priority.ALWAYS);
        VBox answer = new VBox(2, truth, message, shown);
        HBox.setHgrow(answer, Priority.ALWAYS);
        HBox row = new HBox(14, drawn, seen, answer);
        VBox.setVgrow(row, Priority.ALWAYS);
        getChildren().addAll(bar, row);
        paintPad();
    }

    void onChange(Runnable r) {
        changed = r;
    }

    /** A soft round brush a tenth of the pad wide, about a stroke of a handwritten digit. */
    private void stroke(MouseEvent e) {
        double scale = RESOLUTION / pad.getWidth();
        double cx = e.getX() * scale;
        double cy = e.getY() * scale;
        float value = e.getButton() == MouseButton.SECONDARY ? 0 : 1;
        double radius = RESOLUTION / 22.0;
        for (int y = (int) (cy - radius - 1); y <= cy + radius + 1; y++) {
            for (int x = (int) (cx - radius - 1); x <= cx + radius + 1; x++) {
                if (x < 0 || y < 0 || x >= RESOLUTION || y >= RESOLUTION) {
                    continue;
                }
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                float strength = (float) Math.max(0, Math.min(1, radius + 0.5 - d));
                int at = y * RESOLUTION + x;
                drawing[at] = value == 1 ? Math.max(drawing[at], strength) : Math.min(drawing[at], 1 - strength);
            }
        }
        truth.setText("");
        paintPad();
        changed.run();
    }

    /** A test image into the drawing, each of its pixels a block (the grey of the first channel). */
    void showImage(float[] image, Shape shape) {
        int h = shape.dim(0);
        int w = shape.dim(1);
        int c = shape.dim(2);
        for (int y = 0; y < RESOLUTION; y++) {
            for (int x = 0; x < RESOLUTION; x++) {
                drawing[y * RESOLUTION + x] = image[((y * h / RESOLUTION) * w + x * w / RESOLUTION) * c];
            }
        }
        paintPad();
    }

    void paintPad() {
        paintGrey(pad.getGraphicsContext2D(), drawing, RESOLUTION, RESOLUTION, 1, pad.getWidth(), null);
    }

    /** The network's input, and the saliency over it when asked for. */
    void showInput(float[] values, Shape shape, float[] saliencyMap) {
        paintGrey(input.getGraphicsContext2D(), values, shape.dim(0), shape.dim(1), shape.dim(2), input.getWidth(),
                saliencyMap);
    }

    private static void paintGrey(GraphicsContext g, float[] v, int h, int w, int c, double size, float[] overlay) {
        float max = 1e-12f;
        if (overlay != null) {
            for (float s : overlay) {
                max = Math.max(max, Math.abs(s));
            }
        }
        int[] argb = new int[h * w];
        for (int i = 0; i < h * w; i++) {
            int grey = (int) Math.round(255 * Math.max(0, Math.min(1, v[i * c])));
            int r = grey;
            int gr = grey;
            int b = grey;
            if (overlay != null) {
                double strength = 0;
                for (int ch = 0; ch < c; ch++) {
                    strength = Math.max(strength, Math.abs(overlay[i * c + ch]) / max);
                }
                r = (int) Math.round(grey + (230 - grey) * strength);
                gr = (int) Math.round(grey * (1 - strength) + 40 * strength);
                b = (int) Math.round(grey * (1 - strength) + 40 * strength);
            }
            argb[i] = 0xff000000 | r << 16 | gr << 8 | b;
        }
        WritableImage image = CanvasView.image(argb, w, h);
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, size, size * h / w);
    }

    /** What is drawn when the playground cannot serve this project, or while it waits for data. */
    void say(String text) {
        message.setText(text);
    }

    static Tensor row(Dataset data, int index) {
        Tensor x = Tensor.ofBatch(1, data.featureShape());
        data.gather(new int[] {index}, 0, 1, x, Tensor.zeros(1, data.targetWidth()));
        return x;
    }
}
