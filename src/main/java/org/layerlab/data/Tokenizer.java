package org.layerlab.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text to token ids as Keras' TextVectorization does it: standardize (lower-case and strip
 * punctuation, or neither), split into words on whitespace or into characters, and look each token
 * up in a vocabulary where id 0 is padding and 1 the out-of-vocabulary token "[UNK]"; the rest are
 * the training texts' tokens by falling frequency (ties alphabetical), at most {@code maxTokens}
 * ids in all. Sequences are cut or padded with 0 at the end to {@code length}.
 */
public final class Tokenizer {
    public static final String UNKNOWN = "[UNK]";

    /** Split into words or into characters. */
    public enum Level { WORDS, CHARACTERS }

    private final Level level;
    private final boolean lowercase;
    private final List<String> vocabulary;
    private final Map<String, Integer> ids = new HashMap<>();

    /** A tokenizer with a vocabulary already fitted (index = id; "" and "[UNK]" first). */
    public Tokenizer(Level level, boolean lowercase, List<String> vocabulary) {
        this.level = level;
        this.lowercase = lowercase;
        if (vocabulary.size() < 2 || !vocabulary.get(0).isEmpty() || !vocabulary.get(1).equals(UNKNOWN)) {
            throw new DataException("a vocabulary starts with the padding token \"\" and \"" + UNKNOWN + "\"");
        }
        this.vocabulary = List.copyOf(vocabulary);
        for (int i = 2; i < vocabulary.size(); i++) {
            ids.put(vocabulary.get(i), i);
        }
    }

    /** Fits the vocabulary on these texts (the training part only: test texts may hold unseen tokens). */
    public static Tokenizer fit(List<String> texts, Level level, boolean lowercase, int maxTokens) {
        if (maxTokens < 3) {
            throw new DataException("the vocabulary needs room for padding, \"" + UNKNOWN + "\" and one token: at least 3");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String text : texts) {
            for (String token : split(text, level, lowercase)) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        List<String> tokens = new ArrayList<>(counts.keySet());
        tokens.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        List<String> vocabulary = new ArrayList<>(List.of("", UNKNOWN));
        vocabulary.addAll(tokens.subList(0, Math.min(tokens.size(), maxTokens - 2)));
        return new Tokenizer(level, lowercase, vocabulary);
    }

    public Level level() {
        return level;
    }

    public boolean lowercase() {
        return lowercase;
    }

    public List<String> vocabulary() {
        return vocabulary;
    }

    /** The tokens of a text, before the lookup. */
    public List<String> tokens(String text) {
        return split(text, level, lowercase);
    }

    /** Ids of the text, cut or padded with 0 at the end to length; writes them at out[offset..]. */
    public void encode(String text, int length, float[] out, int offset) {
        List<String> tokens = tokens(text);
        for (int i = 0; i < length; i++) {
            out[offset + i] = i < tokens.size() ? ids.getOrDefault(tokens.get(i), 1) : 0;
        }
    }

    /**
     * The text that ids[offset..offset+length) stand for: the tokens joined as they were split (by
     * a space between words, nothing between characters), padding and ids outside the vocabulary
     * left out. Not the text that was encoded: case, punctuation and spacing may have gone in the
     * standardizing, and unknown tokens read "[UNK]".
     */
    public String decode(float[] ids, int offset, int length) {
        StringBuilder s = new StringBuilder();
        String gap = level == Level.WORDS ? " " : "";
        for (int i = offset; i < offset + length; i++) {
            int id = (int) ids[i];
            if (id > 0 && id < vocabulary.size()) {
                s.append(s.length() == 0 ? "" : gap).append(vocabulary.get(id));
            }
        }
        return s.toString();
    }

    /** How many tokens the text has (for the length histogram: how much padding or cutting a length means). */
    public int count(String text) {
        return tokens(text).size();
    }

    private static List<String> split(String text, Level level, boolean lowercase) {
        String s = text == null ? "" : text;
        if (lowercase) {
            // Keras' "lower_and_strip_punctuation": lower case, then punctuation removed.
            s = s.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}]", "");
        }
        List<String> out = new ArrayList<>();
        if (level == Level.CHARACTERS) {
            s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
            return out;
        }
        for (String w : s.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
