package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Next-token windows: each window's label is the token after it; the split is by position; too little text is explained. */
class CorpusTest {
    @Test
    void windowsAreLabelledWithTheNextToken() {
        Corpus.Result r = Corpus.build("abcabcabcabcab", new Corpus.Options(Tokenizer.Level.CHARACTERS, false, 10, 3, 2,
                0), null, "t.txt");
        List<String> v = r.tokenizer().vocabulary();
        assertEquals(List.of("", "[UNK]", "a", "b", "c"), v);
        // windows start at 0, 2, 4, ...: "abc"→a, "cab"→c, "bca"→b, ...
        assertArrayEquals(new float[] {2, 3, 4}, Arrays.copyOf(r.train().featureValues(), 3));
        assertEquals(2, r.train().target(0));
        assertArrayEquals(new float[] {4, 2, 3}, Arrays.copyOfRange(r.train().featureValues(), 3, 6));
        assertEquals(4, r.train().target(1));
        assertEquals(v, r.train().classNames(), "one class per token: the output layer has a unit for each");
        assertEquals((14 - 3 - 1) / 2 + 1, r.train().size());
    }

    @Test
    void theTestPartIsTheEndOfTheTextAndTooShortIsExplained() {
        String text = "the quick brown fox jumps over the lazy dog ".repeat(5);
        Corpus.Result r = Corpus.build(text, new Corpus.Options(Tokenizer.Level.WORDS, true, 50, 4, 1, 0.2), null, "t");
        assertTrue(r.test().size() > 0);
        assertEquals(text.substring((int) Math.round(text.length() * 0.8)), r.testText());
        DataException e = assertThrows(DataException.class, () -> Corpus.build("a b c", new Corpus.Options(
                Tokenizer.Level.WORDS, true, 50, 8, 1, 0), null, "short.txt"));
        assertTrue(e.getMessage().contains("short.txt: the training part has 3 tokens, too few for a window of 8"),
                e.getMessage());
    }
}
