package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerlab.data.Tokenizer;

/**
 * The Playground for a text classifier: the text as typed, the tokens the network receives (each
 * word or character with its id, unknown ones marked, what the sequence length cuts off said),
 * and the answer as class bars, updated as the text changes; a test sample can be put in (its
 * text rebuilt from its ids).
 */
final class TextPlaygroundView extends VBox {
    final TextArea text = new TextArea();
    final Spinner<Integer> sample = new Spinner<>(1, 1, 1);
    final Button showSample = new Button("Test sample");
    final Label truth = new Label();
    final FlowPane tokens = new FlowPane(4, 4);
    final Label cut = new Label();
    final PlaygroundBars bars = new PlaygroundBars();
    /** For a network with attention: where its heads looked in this text. */
    final AttentionView attention = new AttentionView("this text", "rows → columns");

    TextPlaygroundView() {
        setId("text-playground");
        text.setId("text-playground-text");
        text.setPromptText("Type a text: the network reads it as the tokens below");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        sample.setEditable(true);
        sample.setPrefWidth(90);
        showSample.setId("text-playground-show-sample");
        truth.setId("text-playground-truth");
        tokens.setId("text-playground-tokens");
        cut.getStyleClass().add("muted");
        HBox bar = new HBox(8, sample, showSample, truth);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label heading = new Label("Tokens the network receives (id)");
        heading.getStyleClass().add("muted");
        attention.setId("text-playground-attention");
        attention.setMinSize(200, 120);
        attention.setPrefHeight(160);
        attention.setVisible(false);
        attention.managedProperty().bind(attention.visibleProperty());
        VBox left = new VBox(6, bar, text, heading, tokens, cut);
        left.setPrefWidth(400);
        bars.setMinSize(220, 80);
        // The answer above, where the heads looked below it: both beside the text.
        VBox right = new VBox(6, bars, attention);
        VBox.setVgrow(attention, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox row = new HBox(12, left, right);
        VBox.setVgrow(row, Priority.ALWAYS);
        setPadding(new Insets(6, 8, 6, 8));
        getChildren().setAll(row);
    }

    /** Shows how the tokenizer reads the text: a chip per token up to the sequence length, then how many were cut. */
    void showTokens(Tokenizer t, String s, int length) {
        List<String> words = t.tokens(s);
        List<String> vocab = t.vocabulary();
        List<Node> chips = new ArrayList<>();
        float[] ids = new float[length];
        t.encode(s, length, ids, 0);
        for (int i = 0; i < Math.min(words.size(), length); i++) {
            int id = (int) ids[i];
            boolean unknown = id == 1 && !Tokenizer.UNKNOWN.equals(words.get(i));
            Label chip = new Label(words.get(i) + " " + id);
            chip.getStyleClass().add(unknown ? "token-unknown" : "token");
            if (unknown) {
                chip.setTooltip(new Tooltip("Not in the vocabulary the training text built: read as [UNK] (id 1)"));
            }
            chips.add(chip);
        }
        tokens.getChildren().setAll(chips);
        cut.setText(words.size() > length ? (words.size() - length) + " more token(s) cut: the network reads "
                + length + (t.level() == Tokenizer.Level.CHARACTERS ? " characters" : " words")
                : words.isEmpty() ? "" : "padded with id 0 to " + length + " (" + vocab.size() + " tokens known)");
    }
}
