package org.layerlab.data;

import java.util.ArrayList;
import java.util.List;

import org.layerlab.engine.Shape;

/**
 * Next-token prediction over one text: windows of {@code length} token ids, each labelled with the
 * token that follows it, one window every {@code stride} tokens; the classes are the vocabulary's
 * tokens (so the output layer has one unit per token). The split is by position: the last
 * testSplit of the text gives the test windows. The vocabulary is fitted on the training part
 * (or given, once saved) with {@link Tokenizer}'s rules; its padding id 0 never occurs as a target.
 */
public final class Corpus {
    private Corpus() {
    }

    public record Options(Tokenizer.Level level, boolean lowercase, int maxTokens, int length, int stride,
                          double testSplit) {
        public Options {
            if (length < 1 || stride < 1) {
                throw new DataException("length and stride must be at least 1 (found length " + length + ", stride "
                        + stride + ")");
            }
            if (!(testSplit >= 0 && testSplit < 1)) {
                throw new DataException("the test share must be at least 0 and below 1, found " + testSplit);
            }
        }
    }

    public record Result(ArrayDataset train, ArrayDataset test, Tokenizer tokenizer, String testText) {
    }

    public static Result build(String text, Options o, List<String> savedVocabulary, String source) {
        int cut = (int) Math.round(text.length() * (1 - o.testSplit()));
        String trainText = text.substring(0, cut);
        String testText = text.substring(cut);
        Tokenizer tokenizer = savedVocabulary != null && !savedVocabulary.isEmpty()
                ? new Tokenizer(o.level(), o.lowercase(), savedVocabulary)
                : Tokenizer.fit(List.of(trainText), o.level(), o.lowercase(), o.maxTokens());
        ArrayDataset train = windows(tokenizer, trainText, o, source, "training part");
        ArrayDataset test = o.testSplit() > 0 ? windows(tokenizer, testText, o, source, "test part") : null;
        return new Result(train, test, tokenizer, testText);
    }

    private static ArrayDataset windows(Tokenizer tokenizer, String text, Options o, String source, String part) {
        List<String> tokens = tokenizer.tokens(text);
        int count = tokens.size() > o.length() ? (tokens.size() - o.length() - 1) / o.stride() + 1 : 0;
        if (count <= 0) {
            throw new DataException(source + ": the " + part + " has " + tokens.size() + " tokens, too few for a window of "
                    + o.length() + " and the token after it: shorten the length or lower the test share");
        }
        float[] ids = new float[tokens.size()];
        tokenizer.encode(text, tokens.size(), ids, 0);
        float[] x = new float[count * o.length()];
        float[] y = new float[count];
        for (int w = 0; w < count; w++) {
            int start = w * o.stride();
            System.arraycopy(ids, start, x, w * o.length(), o.length());
            y[w] = ids[start + o.length()];
        }
        List<String> classes = new ArrayList<>(tokenizer.vocabulary());
        return new ArrayDataset(x, Shape.of(o.length()), y, 1, classes);
    }
}
