package org.layerlab.ui.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerlab.data.Corpus;
import org.layerlab.data.DataException;
import org.layerlab.data.Tokenizer;
import org.layerlab.project.DatasetSource;

/**
 * The Corpus tab of the data dialog: a plain text for a next-token model, cut into windows of
 * tokens (words or characters) each labelled with the token after it; says how many windows the
 * choices make and how many units the output layer needs, or why the choices cannot work.
 */
final class CorpusPane extends VBox {
    private static final long LARGEST = 64L << 20;
    private Path file;
    private String text;
    private final Label name = new Label("No file chosen.");
    private final ChoiceBox<String> level = new ChoiceBox<>(FXCollections.observableArrayList("characters", "words"));
    private final CheckBox lowercase = new CheckBox("lower case, strip punctuation");
    private final Spinner<Integer> maxTokens = new Spinner<>(3, 1_000_000, 200, 100);
    private final Spinner<Integer> length = new Spinner<>(1, 10_000, 40);
    private final Spinner<Integer> stride = new Spinner<>(1, 10_000, 3);
    private final TextField testSplit = new TextField("0.1");
    private final Label summary = new Label();
    /** The source the dialog opened on: its vocabulary is kept while the choices stay the same. */
    private DatasetSource.Corpus current;

    CorpusPane(Window owner) {
        super(8);
        Button choose = CsvChoice.button(owner, f -> open(f, null), "Choose text file…",
                new FileChooser.ExtensionFilter("Plain text", "*.txt", "*.md", "*.text"));
        summary.setId("corpus-summary");
        summary.setWrapText(true);
        level.setValue("characters");
        for (Spinner<Integer> s : List.of(maxTokens, length, stride)) {
            s.setEditable(true);
            s.setPrefWidth(110);
            s.valueProperty().addListener((o, a, b) -> preview());
        }
        level.valueProperty().addListener((o, a, b) -> preview());
        lowercase.selectedProperty().addListener((o, a, b) -> preview());
        testSplit.textProperty().addListener((o, a, b) -> preview());
        testSplit.setPrefColumnCount(5);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("split into"), level, lowercase);
        GridPane.setColumnSpan(lowercase, 2);
        g.addRow(1, new Label("vocabulary size"), maxTokens, new Label("window (tokens)"), length);
        g.addRow(2, new Label("stride"), stride, new Label("test share (at the end)"), testSplit);
        getChildren().addAll(new HBox(12, choose, name), g, summary);
        setPadding(new Insets(12));
        preview();
    }

    Path file() {
        return file;
    }

    void open(Path f, DatasetSource.Corpus saved) {
        current = saved;
        try {
            if (Files.size(f) > LARGEST) {
                throw new IOException("larger than 64 MB; use a part of it");
            }
            text = Files.readString(f);
            file = f;
            name.setText(f.getFileName() + ": " + String.format("%,d", text.length()) + " characters");
        } catch (IOException | RuntimeException e) {
            text = null;
            file = null;
            name.setText("Cannot read " + f.getFileName() + " as text: " + e.getMessage());
        }
        if (saved != null) {
            level.setValue(saved.level() == Tokenizer.Level.WORDS ? "words" : "characters");
            lowercase.setSelected(saved.lowercase());
            maxTokens.getValueFactory().setValue(saved.maxTokens());
            length.getValueFactory().setValue(saved.length());
            stride.getValueFactory().setValue(saved.stride());
            testSplit.setText(Double.toString(saved.testSplit()));
        }
        preview();
    }

    private Tokenizer.Level level() {
        return "words".equals(level.getValue()) ? Tokenizer.Level.WORDS : Tokenizer.Level.CHARACTERS;
    }

    /** The choices as a source; unchanged choices keep a trained project's vocabulary. */
    DatasetSource.Corpus result(String path) {
        if (preview() == null) {
            return null;
        }
        DatasetSource.Corpus chosen = new DatasetSource.Corpus(path, level(), lowercase.isSelected(), maxTokens.getValue(),
                length.getValue(), stride.getValue(), Double.parseDouble(testSplit.getText().trim()), null);
        return current != null && chosen.options().equals(current.options()) ? chosen.withVocabulary(current.vocabulary())
                : chosen;
    }

    private Corpus.Result preview() {
        if (text == null) {
            CsvChoice.problem(summary, "Choose a plain text file: the network learns to predict each next token.");
            return null;
        }
        try {
            Corpus.Result r = Corpus.build(text, new Corpus.Options(level(), lowercase.isSelected(), maxTokens.getValue(),
                    length.getValue(), stride.getValue(), Double.parseDouble(testSplit.getText().trim())), null,
                    file.getFileName().toString());
            int v = r.tokenizer().vocabulary().size();
            CsvChoice.ready(summary, String.format("%,d training / %,d test windows of %d tokens; vocabulary %d tokens:"
                    + " the Input takes (%d) ids (Embedding input_dim %d) and the output layer needs %d units with"
                    + " softmax (sparse_categorical_crossentropy).", r.train().size(), r.test() == null ? 0
                    : r.test().size(), length.getValue(), v, length.getValue(), v, v));
            return r;
        } catch (NumberFormatException e) {
            CsvChoice.problem(summary, "The test share must be a number such as 0.1.");
        } catch (DataException e) {
            CsvChoice.problem(summary, e.getMessage());
        }
        return null;
    }
}
