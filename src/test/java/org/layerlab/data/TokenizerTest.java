package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** TextVectorization's rules: padding 0, "[UNK]" 1, tokens by frequency; standardisation; cut and pad at the end. */
class TokenizerTest {
    @Test
    void wordsAreStandardizedCountedAndLookedUp() {
        Tokenizer t = Tokenizer.fit(List.of("The cat, the DOG.", "the bird"), Tokenizer.Level.WORDS, true, 5);
        assertEquals(List.of("", "[UNK]", "the", "bird", "cat"), t.vocabulary(), "frequency, then alphabetical; capped at 5");
        float[] ids = new float[6];
        t.encode("Dog and the cat!", 6, ids, 0);
        assertArrayEquals(new float[] {1, 1, 2, 4, 0, 0}, ids, "unknown words are 1, padding 0 at the end");
        float[] cut = new float[2];
        t.encode("the cat the", 2, cut, 0);
        assertArrayEquals(new float[] {2, 4}, cut, "cut at the end");
    }

    @Test
    void charactersKeepCaseAndPunctuationWhenAsked() {
        Tokenizer t = Tokenizer.fit(List.of("aAb!"), Tokenizer.Level.CHARACTERS, false, 10);
        assertEquals(List.of("", "[UNK]", "!", "A", "a", "b"), t.vocabulary());
        assertThrows(DataException.class, () -> new Tokenizer(Tokenizer.Level.WORDS, true, List.of("x")));
    }

    @Test
    void idsDecodeToTheirTokensWithoutThePadding() {
        Tokenizer words = Tokenizer.fit(List.of("the cat sat", "the dog"), Tokenizer.Level.WORDS, true, 10);
        float[] ids = new float[6];
        words.encode("The cat saw the dog", 6, ids, 0);
        assertEquals("the cat [UNK] the dog", words.decode(ids, 0, 6), "\"saw\" is unknown; the sixth id is padding");
        assertEquals("cat [UNK]", words.decode(ids, 1, 2));
        Tokenizer chars = Tokenizer.fit(List.of("ab c"), Tokenizer.Level.CHARACTERS, false, 10);
        float[] cs = new float[5];
        chars.encode("c ab", 5, cs, 0);
        assertEquals("c ab", chars.decode(cs, 0, 5), "characters join with nothing between them, the space is one");
        assertEquals("", chars.decode(new float[] {0, 0, 99}, 0, 3), "padding and ids past the vocabulary are left out");
    }

    @Test
    void labelledTextSplitsBeforeTheVocabularyIsFitted() {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i % 2 == 0 ? "good fine day" : "bad awful night").append(" word").append(i).append(',')
                    .append(i % 2 == 0 ? "pos" : "neg").append('\n');
        }
        TextTable.Result r = TextTable.build(CsvTable.parse(csv.toString(), "t.csv"),
                new TextTable.Options("text", "label", Tokenizer.Level.WORDS, true, 100, 4, 0.25, 1), null, "t.csv");
        assertEquals(14, r.train().size(), "stratified: 3 of each class's 10 held out");
        assertEquals(6, r.test().size());
        assertEquals(List.of("neg", "pos"), r.train().classNames());
        long unseen = r.tokenizer().vocabulary().stream().filter(w -> w.startsWith("word")).count();
        assertEquals(14, unseen, "only the training rows' unique words are in the vocabulary");
        TextTable.Result again = TextTable.build(CsvTable.parse(csv.toString(), "t.csv"),
                new TextTable.Options("text", "label", Tokenizer.Level.WORDS, true, 100, 4, 0.25, 1),
                r.tokenizer().vocabulary(), "t.csv");
        assertEquals(r.tokenizer().vocabulary(), again.tokenizer().vocabulary(), "a saved vocabulary is kept, not refitted");
        DataException noLabel = assertThrows(DataException.class, () -> TextTable.build(
                CsvTable.parse("text,label\nhello,\n", "x.csv"),
                new TextTable.Options("text", "label", Tokenizer.Level.WORDS, true, 100, 4, 0, 1), null, "x.csv"));
        assertTrue(noLabel.getMessage().contains("x.csv line 2 has no label"), noLabel.getMessage());
        assertNull(TextTable.build(CsvTable.parse(csv.toString(), "t.csv"),
                new TextTable.Options("text", "label", Tokenizer.Level.WORDS, true, 100, 4, 0, 1), null, "t.csv").test());
    }
}
