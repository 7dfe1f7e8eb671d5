package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;

class CsvLoaderTest {
    private static ArrayDataset load(String text, CsvLoader.Options o) {
        return CsvLoader.fromTable(CsvTable.parse(text, "test.csv"), o, "test.csv");
    }

    @Test
    void detectsSemicolonsBomQuotesAndBlankLines() {
        String text = "\uFEFFa;b;label\n1,5;2;\"cat; dog\"\n\n3;4;bird\n5;6;\"cat; dog\"\n";
        CsvTable t = CsvTable.parse(text, "x.csv");
        assertEquals(';', t.delimiter());
        assertEquals(List.of("a", "b", "label"), t.header());
        assertEquals(3, t.rows().size());
        assertEquals("cat; dog", t.rows().get(0)[2]);
        assertEquals(4, t.lineNumbers().get(1));
    }

    @Test
    void textTargetsBecomeClassesInOrderOfAppearance() {
        ArrayDataset d = load("x,y,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n", CsvLoader.Options.defaults());
        assertEquals(List.of("setosa", "virginica"), d.classNames());
        assertArrayEquals(new float[] {0, 1, 0}, d.targetValues());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.featureValues());
    }

    @Test
    void headerlessNumericFileGetsColumnNamesAndRegressionTarget() {
        ArrayDataset d = load("1,2,0.5\n3,4,1.25\n5,6,7.75\n", CsvLoader.Options.defaults());
        assertTrue(d.classNames().isEmpty());
        assertEquals(3, d.size());
        assertEquals(1.25f, d.target(1));
    }

    @Test
    void missingValueNamesLineAndColumnOrIsDroppedOnRequest() {
        String text = "a,b,t\n1,2,0\n3,,1\n5,x,1\n7,8,0\n";
        DataException e = assertThrows(DataException.class, () -> load(text, CsvLoader.Options.defaults()));
        assertEquals("test.csv line 3, column 'b' is missing a value. Fix the file, leave that column out, or choose to drop or fill"
                + " incomplete rows.", e.getMessage());
        ArrayDataset d = load(text, CsvLoader.Options.defaults().droppingIncompleteRows());
        assertEquals(2, d.size());
    }

    @Test
    void raggedRowsAndUnclosedQuotesAreExplained() {
        DataException ragged = assertThrows(DataException.class, () -> CsvTable.parse("a,b\n1,2\n3\n", "r.csv"));
        assertTrue(ragged.getMessage().startsWith("r.csv line 3 has 1 fields but the first row (line 1) has 2"), ragged.getMessage());
        DataException quote = assertThrows(DataException.class, () -> CsvTable.parse("a,b\n1,\"2\n", "q.csv"));
        assertTrue(quote.getMessage().contains("never closed"), quote.getMessage());
    }

    @Test
    void targetByNameAndUnknownColumnListsTheColumns() {
        ArrayDataset d = load("t,a,b\n1,2,3\n0,5,6\n", CsvLoader.Options.defaults().withTarget("t"));
        assertEquals(List.of("0", "1"), d.classNames());
        assertArrayEquals(new float[] {2, 3, 5, 6}, d.featureValues());
        DataException e = assertThrows(DataException.class,
                () -> load("t,a\n1,2\n", CsvLoader.Options.defaults().withTarget("price")));
        assertEquals("no column 'price'; the columns are t, a", e.getMessage());
    }

    @Test
    void splitIsStratifiedAndSeeded() {
        float[] x = new float[100];
        float[] y = new float[100];
        for (int i = 0; i < 100; i++) {
            y[i] = i < 80 ? 0 : 1;
        }
        ArrayDataset d = new ArrayDataset(x, Shape.of(1), y, 1, List.of("a", "b"));
        Split s = Split.of(d, 0.25, 3);
        assertEquals(25, s.holdOut().length);
        long ones = Arrays.stream(s.holdOut()).filter(i -> y[i] == 1).count();
        assertEquals(5, ones);
        assertArrayEquals(s.holdOut(), Split.of(d, 0.25, 3).holdOut());
    }

    @Test
    void standardizationUsesTrainingRowsOnly() {
        float[] x = {0, 10, 2, 10, 100, 10};
        Normalization n = Normalization.fit(Normalization.Kind.STANDARDIZE, x, 2, new int[] {0, 1});
        assertEquals(1f, n.offset()[0]);
        assertEquals(1f, n.scale()[0]);
        assertEquals(1f, n.scale()[1], "a constant feature keeps scale 1");
        n.applyInPlace(x);
        assertEquals(99f, x[4]);
    }
}
