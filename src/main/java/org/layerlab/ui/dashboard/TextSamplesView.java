package org.layerlab.ui.dashboard;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerlab.training.TextSamples;

/**
 * The Samples tab of a next-token model: what the network writes from a seed taken from the
 * held-out text, at three temperatures, after each epoch; a reopened trained project shows its
 * samples at once. Write lets the user choose the seed and temperature for the trained network
 * (between runs). Labels, not a canvas: the text reads at any width.
 */
final class TextSamplesView {
    final BorderPane content;
    private final VBox box = new VBox(10);
    private final TextField seed = new TextField();
    private final Slider temperature = new Slider(0.2, 2.0, 0.8);
    private final Label temperatureValue = new Label("0.8");
    private final Button write = new Button("Write");
    private final Label written = new Label();
    private TextSamples last;

    /** What Write asks for: a seed and a temperature; the answer comes back through {@link #showWritten}. */
    interface Writer {
        void write(String seed, double temperature);
    }

    TextSamplesView() {
        box.setPadding(new Insets(8, 12, 8, 12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        seed.setPromptText("seed text (empty: from the held-out text)");
        seed.setId("samples-seed");
        HBox.setHgrow(seed, Priority.ALWAYS);
        temperature.setPrefWidth(120);
        temperature.setId("samples-temperature");
        temperature.valueProperty().addListener((o, a, b) -> temperatureValue.setText(String.format("%.1f", b.doubleValue())));
        write.setId("samples-write");
        write.setTooltip(new Tooltip("Let the trained network write on from the seed at this temperature"));
        HBox bar = new HBox(8, new Label("seed"), seed, new Label("temperature"), temperature, temperatureValue, write);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        written.setWrapText(true);
        written.setId("samples-written");
        content = new BorderPane(scroll, bar, null, null, null);
        clear();
    }

    void onWrite(Writer w) {
        write.setOnAction(e -> w.write(seed.getText().isBlank() && last != null ? last.seed() : seed.getText(),
                Math.round(temperature.getValue() * 10) / 10.0));
    }

    /** The answer to Write (or why there is none), above the epoch's samples. */
    void showWritten(String text) {
        written.setText(text);
        if (!box.getChildren().contains(written)) {
            box.getChildren().add(0, written);
        }
    }

    TextSamples last() {
        return last;
    }

    void clear() {
        last = null;
        written.setText("");
        Label empty = new Label("Text the network writes, from a seed of the held-out text at three temperatures,"
                + " appears after each epoch.");
        empty.setWrapText(true);
        empty.getStyleClass().add("muted");
        box.getChildren().setAll(empty);
    }

    void show(TextSamples s) {
        last = s;
        Label title = new Label((s.epoch() > 0 ? "After epoch " + s.epoch() : "Untrained weights")
                + " · seed: “" + s.seed() + "”");
        title.setWrapText(true);
        title.getStyleClass().add("muted");
        box.getChildren().setAll(title);
        for (TextSamples.Sample sample : s.samples()) {
            Label head = new Label("temperature " + sample.temperature()
                    + (sample.temperature() < 1 ? " (safe, repetitive)" : sample.temperature() > 1 ? " (daring)" : ""));
            head.setStyle("-fx-font-weight: bold;");
            Label text = new Label(sample.text());
            text.setWrapText(true);
            text.setId("text-sample-" + sample.temperature());
            box.getChildren().addAll(head, text);
        }
    }
}
