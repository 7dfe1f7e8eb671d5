package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CsvProfileTest {
    private static final String MESSY = "\uFEFFid;height;colour;notes;label\n"
            + "1;1,5;red;\"tall; thin\";yes\n"
            + "2;;blue;;no\n"
            + "3;2,5;red;\"x\";yes\n"
            + "\n"
            + "4;3;green;;no\n"
            + "5;NaN;red;;yes\n";

    @Test
    void columnsAreTypedAndGapsCounted() {
        CsvProfile p = new CsvProfile(CsvTable.parse(MESSY, "messy.csv"));
        assertEquals(5, p.rows());
        List<CsvProfile.Column> c = p.columns();
        assertEquals(CsvProfile.Type.NUMERIC, c.get(0).type());
        assertEquals(CsvProfile.Type.CATEGORICAL, c.get(2).type());
        assertEquals(2, c.get(1).missing(), "an empty cell and NaN");
        assertEquals(3, c.get(3).missing());
        assertEquals(CsvLoader.Task.CLASSIFICATION, p.detectTask(4));
    }

    @Test
    void problemsAreExplainedBeforeTraining() {
        CsvProfile p = new CsvProfile(CsvTable.parse(MESSY, "messy.csv"));
        String all = String.join("\n", p.problems(4, Set.of(), CsvLoader.Task.CLASSIFICATION));
        assertTrue(all.contains("Column 'colour' is categorical, not numbers"), all);
        assertTrue(all.contains("Column 'notes' is missing 60% of its values"), all);
        assertTrue(all.contains("Column 'height' is missing 40% of its values"), all);
        String regression = String.join("\n", p.problems(4, Set.of(), CsvLoader.Task.REGRESSION));
        assertTrue(regression.contains("is not numeric, so it cannot be a regression target"), regression);
        CsvProfile one = new CsvProfile(CsvTable.parse("x,y\n1,a\n2,a\n", "one.csv"));
        assertTrue(String.join("\n", one.problems(1, Set.of(), CsvLoader.Task.CLASSIFICATION)).contains("only one class"));
        CsvProfile none = new CsvProfile(CsvTable.parse("x,y\na,1\nb,0\n", "none.csv"));
        assertTrue(String.join("\n", none.problems(1, Set.of(), CsvLoader.Task.CLASSIFICATION)).contains("No numeric feature"));
    }
}
