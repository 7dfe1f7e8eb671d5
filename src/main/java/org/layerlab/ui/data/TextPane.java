package org.layerlab.ui.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
import javafx.stage.Window;
import org.layerlab.data.CsvTable;
import org.layerlab.data.DataException;
import org.layerlab.data.TextTable;
import org.layerlab.data.Tokenizer;
import org.layerlab.project.DatasetSource;

/**
 * The Text tab of the data dialog: a CSV with a text column and a label column, split into words
 * or characters, the vocabulary size and the sequence length; shows what the choices make (texts
 * per part and class, how many texts the length cuts) and the first text as tokens and ids, or
 * why the choices cannot work, updated as they change.
 */
final class TextPane extends VBox {
    private Path file;
    private CsvTable table;
    private final Label name = new Label("No file chosen.");
    private final ChoiceBox<String> text = new ChoiceBox<>();
    private final ChoiceBox<String> label = new ChoiceBox<>();
    private final ChoiceBox<String> level = new ChoiceBox<>(FXCollections.observableArrayList("words", "characters"));
    private final CheckBox lowercase = new CheckBox("lower case, strip punctuation");
    private final Spinner<Integer> maxTokens = new Spinner<>(3, 1_000_000, 10_000, 1000);
    private final Spinner<Integer> length = new Spinner<>(1, 100_000, 64);
    private final TextField testSplit = new TextField("0.2");
    private final Label summary = new Label();
    private final Label example = new Label();
    /** The source the dialog opened on: its seed, and its vocabulary while the choices stay the same. */
    private DatasetSource.Text current;

    TextPane(Window owner) {
        super(8);
        Button choose = CsvChoice.button(owner, f -> open(f, null));
        text.setId("text-column");
        label.setId("text-label");
        length.setId("text-length");
        summary.setId("text-summary");
        summary.setWrapText(true);
        example.setWrapText(true);
        example.getStyleClass().add("muted");
        level.setValue("words");
        lowercase.setSelected(true);
        for (Spinner<Integer> s : List.of(maxTokens, length)) {
            s.setEditable(true);
            s.setPrefWidth(110);
            s.valueProperty().addListener((o, a, b) -> update());
        }
        text.valueProperty().addListener((o, a, b) -> update());
        label.valueProperty().addListener((o, a, b) -> update());
        level.valueProperty().addListener((o, a, b) -> update());
        lowercase.selectedProperty().addListener((o, a, b) -> update());
        testSplit.textProperty().addListener((o, a, b) -> update());
        testSplit.setPrefColumnCount(5);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("text column"), text, new Label("label column"), label);
        g.addRow(1, new Label("split into"), level, lowercase);
        GridPane.setColumnSpan(lowercase, 2);
        g.addRow(2, new Label("vocabulary size"), maxTokens, new Label("length (tokens)"), length);
        g.addRow(3, new Label("test share"), testSplit);
        getChildren().addAll(new HBox(12, choose, name), g, summary, example);
        setPadding(new Insets(12));
        update();
    }

    Path file() {
        return file;
    }

    /** Reads the file and offers its columns; with a saved source, its choices. */
    void open(Path f, DatasetSource.Text current) {
        this.current = current;
        try {
            table = CsvTable.read(f);
            file = f;
            name.setText(f.getFileName() + ": " + table.rows().size() + " rows");
        } catch (RuntimeException | IOException e) {
            table = null;
            file = null;
            name.setText("Cannot read " + f.getFileName() + ": " + e.getMessage());
        }
        List<String> columns = table == null ? List.of() : table.header();
        text.getItems().setAll(columns);
        label.getItems().setAll(columns);
        if (current != null) {
            text.setValue(current.textColumn());
            label.setValue(current.labelColumn());
            level.setValue(current.level() == Tokenizer.Level.WORDS ? "words" : "characters");
            lowercase.setSelected(current.lowercase());
            maxTokens.getValueFactory().setValue(current.maxTokens());
            length.getValueFactory().setValue(current.length());
            testSplit.setText(Double.toString(current.testSplit()));
        } else if (columns.size() >= 2) {
            // The longest cells are the text; the label is usually the last other column.
            text.setValue(columns.get(longestColumn()));
            label.setValue(columns.get(text.getValue().equals(columns.get(columns.size() - 1)) ? 0 : columns.size() - 1));
        }
        update();
    }

    private int longestColumn() {
        long[] total = new long[table.columnCount()];
        for (String[] row : table.rows()) {
            for (int c = 0; c < Math.min(row.length, total.length); c++) {
                total[c] += row[c].length();
            }
        }
        int best = 0;
        for (int c = 1; c < total.length; c++) {
            best = total[c] > total[best] ? c : best;
        }
        return best;
    }

    /**
     * The choices as a source (path still to be placed in the project), or null with the reason
     * shown. Unchanged choices keep the saved vocabulary: a trained network's ids keep their meaning.
     */
    DatasetSource.Text result(String path) {
        if (preview() == null) {
            return null;
        }
        DatasetSource.Text chosen = new DatasetSource.Text(path, text.getValue(), label.getValue(), level(),
                lowercase.isSelected(), maxTokens.getValue(), length.getValue(),
                Double.parseDouble(testSplit.getText().trim()), current == null ? 42 : current.seed(), null);
        return current != null && chosen.options().equals(current.options()) ? chosen.withVocabulary(current.vocabulary())
                : chosen;
    }

    private Tokenizer.Level level() {
        return "characters".equals(level.getValue()) ? Tokenizer.Level.CHARACTERS : Tokenizer.Level.WORDS;
    }

    private TextTable.Result preview() {
        example.setText("");
        if (table == null) {
            say("Choose a CSV file with a column of text and a column with each text's class.");
            return null;
        }
        if (text.getValue() == null || label.getValue() == null) {
            say("The file needs at least two columns: the text and its class.");
            return null;
        }
        try {
            TextTable.Result r = TextTable.build(table, new TextTable.Options(text.getValue(), label.getValue(), level(),
                    lowercase.isSelected(), maxTokens.getValue(), length.getValue(),
                    Double.parseDouble(testSplit.getText().trim()), current == null ? 42 : current.seed()), null,
                    file.getFileName().toString());
            int[] counts = r.tokenCounts().clone();
            Arrays.sort(counts);
            long cut = Arrays.stream(counts).filter(c -> c > length.getValue()).count();
            CsvChoice.ready(summary, String.format("%,d training / %,d test texts in %d classes (%s); vocabulary %,d tokens;"
                            + " texts have %d–%d tokens (median %d): %,d are cut at %d. The network's Input takes (%d) ids:"
                            + " start it with Embedding(input_dim %d) or PositionalEmbedding.",
                    r.train().size(), r.test() == null ? 0 : r.test().size(), r.train().classNames().size(),
                    String.join(", ", r.train().classNames()), r.tokenizer().vocabulary().size(), counts[0],
                    counts[counts.length - 1], counts[counts.length / 2], cut, length.getValue(), length.getValue(),
                    r.tokenizer().vocabulary().size()));
            String first = table.rows().get(0)[table.column(text.getValue())];
            List<String> tokens = r.tokenizer().tokens(first);
            float[] ids = new float[Math.min(12, length.getValue())];
            r.tokenizer().encode(first, ids.length, ids, 0);
            StringBuilder sb = new StringBuilder("First text: ");
            for (int i = 0; i < ids.length; i++) {
                sb.append(i < tokens.size() ? tokens.get(i) : "·").append('→').append((int) ids[i]).append("  ");
            }
            example.setText(sb.toString().trim() + (length.getValue() > ids.length ? "  …" : ""));
            return r;
        } catch (NumberFormatException e) {
            say("The test share must be a number such as 0.2.");
        } catch (DataException e) {
            say(e.getMessage());
        }
        return null;
    }

    private void say(String message) {
        CsvChoice.problem(summary, message);
    }

    private void update() {
        preview();
    }
}
