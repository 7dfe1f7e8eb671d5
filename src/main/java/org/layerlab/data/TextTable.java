package org.layerlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.layerlab.engine.Shape;

/**
 * Labelled text from a CSV table for classification: each row's text column becomes {@code length}
 * token ids (see {@link Tokenizer}), its label column a class. The split is stratified and seeded
 * as for other tables; the vocabulary is fitted on the training rows only, unless a saved one is
 * given (a trained network's ids must keep their meaning).
 */
public final class TextTable {
    private TextTable() {
    }

    public record Options(String textColumn, String labelColumn, Tokenizer.Level level, boolean lowercase, int maxTokens,
                          int length, double testSplit, long seed) {
        public Options {
            if (length < 1) {
                throw new DataException("the sequence length must be at least 1 token, found " + length);
            }
            if (!(testSplit >= 0 && testSplit < 1)) {
                throw new DataException("the test share must be at least 0 and below 1, found " + testSplit);
            }
        }
    }

    /** Training and test parts (test null without a split), the tokenizer, and each row's token count. */
    public record Result(Dataset train, Dataset test, Tokenizer tokenizer, int[] tokenCounts) {
    }

    public static Result build(CsvTable table, Options o, List<String> savedVocabulary, String source) {
        int text = table.column(o.textColumn());
        int label = table.column(o.labelColumn());
        if (text == label) {
            throw new DataException("the text and the label are the same column '" + o.textColumn() + "': choose the"
                    + " column that holds the class as the label");
        }
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            String[] row = table.rows().get(r);
            String l = label < row.length ? row[label].trim() : "";
            if (l.isEmpty()) {
                throw new DataException(source + " line " + table.lineNumbers().get(r) + " has no label in '"
                        + table.header().get(label) + "': give every row its class, or remove the row");
            }
            texts.add(text < row.length ? row[text] : "");
            labels.add(l);
        }
        if (texts.isEmpty()) {
            throw new DataException(source + " has no rows of text");
        }
        List<String> classes = new ArrayList<>(new TreeSet<>(labels));
        if (classes.size() < 2) {
            throw new DataException(source + ": every row has the label '" + classes.get(0) + "'; a classifier needs at"
                    + " least two classes");
        }
        float[] y = new float[texts.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = classes.indexOf(labels.get(i));
        }
        // The split first (on the labels alone), so the vocabulary sees only training texts.
        ArrayDataset byLabel = new ArrayDataset(new float[y.length], Shape.of(1), y, 1, classes);
        Split split = o.testSplit() > 0 ? Split.of(byLabel, o.testSplit(), o.seed()) : null;
        int[] trainRows = split != null ? split.train() : every(y.length);
        Tokenizer tokenizer;
        if (savedVocabulary != null && !savedVocabulary.isEmpty()) {
            tokenizer = new Tokenizer(o.level(), o.lowercase(), savedVocabulary);
        } else {
            List<String> trainTexts = new ArrayList<>();
            for (int r : trainRows) {
                trainTexts.add(texts.get(r));
            }
            tokenizer = Tokenizer.fit(trainTexts, o.level(), o.lowercase(), o.maxTokens());
        }
        float[] x = new float[texts.size() * o.length()];
        int[] counts = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            tokenizer.encode(texts.get(i), o.length(), x, i * o.length());
            counts[i] = tokenizer.count(texts.get(i));
        }
        ArrayDataset all = new ArrayDataset(x, Shape.of(o.length()), y, 1, classes);
        return split == null ? new Result(all, null, tokenizer, counts)
                : new Result(all.subset(split.train()), all.subset(split.holdOut()), tokenizer, counts);
    }

    private static int[] every(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
