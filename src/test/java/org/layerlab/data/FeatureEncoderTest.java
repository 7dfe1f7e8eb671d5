package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeatureEncoderTest {
    private static final String PETS = "weight,colour,legs,kind\n"
            + "4.0,black,4,cat\n"
            + "30,brown,4,dog\n"
            + ",black,4,cat\n"
            + "0.1,,6,bug\n"
            + "8.0,white,NA,cat\n"
            + "?,brown,4,\n";

    private static CsvLoader.Encoded load(FeatureEncoder.Missing m) {
        return CsvLoader.encode(CsvTable.parse(PETS, "pets.csv"), CsvLoader.Options.defaults().withMissing(m), "pets.csv");
    }

    @Test
    void categoriesBecomeSortedOneHotInputsWithNames() {
        CsvLoader.Encoded e = load(FeatureEncoder.Missing.DROP_ROWS);
        assertEquals(List.of("weight", "colour=black", "colour=brown", "colour=white", "legs"), e.data().featureNames());
        assertEquals(2, e.data().size(), "rows 3, 4 and 5 have gaps; row 6 has no target");
        assertEquals(4, e.droppedRows());
        assertArrayEquals(new float[] {4, 1, 0, 0, 4, 30, 0, 1, 0, 4}, e.data().featureValues());
        assertEquals(List.of("cat", "dog"), e.data().classNames());
    }

    @Test
    void fillUsesMeanForNumbersAndMostFrequentForCategories() {
        CsvLoader.Encoded e = load(FeatureEncoder.Missing.FILL);
        assertEquals(5, e.data().size(), "only the row without a target is left out");
        float[] x = e.data().featureValues();
        float meanWeight = (4f + 30f + 0.1f + 8f) / 4;
        assertEquals(meanWeight, x[2 * 5], 1e-5, "row 3's weight is the column mean");
        // Row 4's colour is missing: black and brown are both seen twice, the first in sorted order wins.
        assertArrayEquals(new float[] {1, 0, 0}, Arrays.copyOfRange(x, 3 * 5 + 1, 3 * 5 + 4));
        float meanLegs = (4 + 4 + 4 + 6 + 4) / 5f;
        assertEquals(meanLegs, x[4 * 5 + 4], 1e-5, "NA counts as missing");
    }

    @Test
    void refusingNamesTheFirstGapAndWhatToDo() {
        DataException e = assertThrows(DataException.class, () -> load(FeatureEncoder.Missing.REFUSE));
        assertEquals("pets.csv line 4, column 'weight' is missing a value. Fix the file, leave that column out, or choose"
                + " to drop or fill incomplete rows.", e.getMessage());
    }

    @Test
    void unseenCategoryAtPredictionTimeIsExplained() {
        FeatureEncoder enc = CsvLoader.encoder(CsvTable.parse(PETS, "pets.csv"),
                CsvLoader.Options.defaults().withMissing(FeatureEncoder.Missing.FILL), "pets.csv");
        float[] out = new float[enc.width()];
        String problem = enc.encode(new String[] {"3", "green", "4", ""}, out, 0);
        assertEquals("column 'colour' has 'green', a category the training data never had (it had black, brown, white)",
                problem);
        assertEquals(null, enc.encode(new String[] {"3", "white", "", ""}, out, 0));
        assertArrayEquals(new float[] {3, 0, 0, 1, 4.4f}, out, 1e-6f);
    }

    @Test
    void freeTextIsRefusedAsCategories() {
        StringBuilder csv = new StringBuilder("name,x,y\n");
        for (int i = 0; i < 60; i++) {
            csv.append("n").append(i).append(',').append(i).append(',').append(i % 2).append('\n');
        }
        DataException e = assertThrows(DataException.class,
                () -> CsvLoader.fromTable(CsvTable.parse(csv.toString(), "t.csv"), CsvLoader.Options.defaults(), "t.csv"));
        assertTrue(e.getMessage().contains("column 'name' has more than 50 different text values, too many to be categories"),
                e.getMessage());
    }
}
