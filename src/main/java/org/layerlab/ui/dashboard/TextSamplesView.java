package org.layerlab.ui.dashboard;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.layerlab.training.TextSamples;

/**
 * The Samples tab of a next-token model: what the network writes from a seed taken from the
 * held-out text, at three temperatures, after each epoch; a reopened trained project shows its
 * samples at once. Labels, not a canvas: the text can be selected and read at any width.
 */
final class TextSamplesView {
    final ScrollPane content;
    private final VBox box = new VBox(10);
    private TextSamples last;

    TextSamplesView() {
        box.setPadding(new Insets(8, 12, 8, 12));
        content = new ScrollPane(box);
        content.setFitToWidth(true);
        clear();
    }

    TextSamples last() {
        return last;
    }

    void clear() {
        last = null;
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
