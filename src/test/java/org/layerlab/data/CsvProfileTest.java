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
        String all = String.join("\n", p.problems(4, Set.of(), CsvLoader.Task.CLASSIFICATION, FeatureEncoder.Missing.DROP_ROWS));
        assertTrue(!all.contains("'colour'"), "categories are inputs now, not a problem: " + all);
        assertTrue(all.contains("Column 'notes' is missing 60% of its values"), all);
        assertTrue(all.contains("Column 'height' is missing 40% of its values"), all);
        assertEquals(1 + 1 + 3 + 2, p.inputs(4, Set.of()), "id, height, colour one-hot (3), notes one-hot (2)");
        String regression = String.join("\n", p.problems(4, Set.of(), CsvLoader.Task.REGRESSION, FeatureEncoder.Missing.REFUSE));
        assertTrue(regression.contains("is not numeric, so it cannot be a regression target"), regression);
        CsvProfile one = new CsvProfile(CsvTable.parse("x,y\n1,a\n2,a\n", "one.csv"));
        assertTrue(String.join("\n", one.problems(1, Set.of(), CsvLoader.Task.CLASSIFICATION, FeatureEncoder.Missing.REFUSE))
                .contains("only one class"));
        CsvProfile none = new CsvProfile(CsvTable.parse("x,y\n,1\n,0\n", "none.csv"));
        String empty = String.join("\n", none.problems(1, Set.of(), CsvLoader.Task.CLASSIFICATION, FeatureEncoder.Missing.REFUSE));
        assertTrue(empty.contains("Column 'x' is empty") && empty.contains("No usable feature"), empty);
    }

    @Test
    void gapPolicyAndStrayTextInNumberColumnsAreSpelledOut() {
        StringBuilder csv = new StringBuilder("size,kind,label\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i == 3 ? "12 cm" : i == 5 ? "" : Integer.toString(i)).append(',').append(i % 2 == 0 ? "a" : "b")
                    .append(',').append(i % 2).append('\n');
        }
        CsvProfile p = new CsvProfile(CsvTable.parse(csv.toString(), "s.csv"));
        assertEquals(CsvProfile.Type.NUMERIC, p.columns().get(0).type(), "one stray text cell does not make categories");
        assertEquals(1, p.columns().get(0).stray());
        String fill = String.join("\n", p.problems(2, Set.of(), CsvLoader.Task.CLASSIFICATION, FeatureEncoder.Missing.FILL));
        assertTrue(fill.contains("Column 'size' has 2 missing or unreadable value(s) (1 of them not numbers): filled with"
                + " the column's mean"), fill);
        String refuse = String.join("\n", p.problems(2, Set.of(), CsvLoader.Task.CLASSIFICATION, FeatureEncoder.Missing.REFUSE));
        assertTrue(refuse.contains("training stops at the first"), refuse);
        StringBuilder names = new StringBuilder("name,label\n");
        for (int i = 0; i < 80; i++) {
            names.append("person").append(i).append(',').append(i % 2).append('\n');
        }
        CsvProfile text = new CsvProfile(CsvTable.parse(names.toString(), "n.csv"));
        assertEquals(CsvProfile.Type.TEXT, text.columns().get(0).type());
        assertTrue(String.join("\n", text.problems(1, Set.of(), CsvLoader.Task.CLASSIFICATION, FeatureEncoder.Missing.REFUSE))
                .contains("Column 'name' holds free text (80 different values"));
    }
}
