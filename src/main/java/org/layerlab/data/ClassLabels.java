package org.layerlab.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of a target column, collected one label at a time: whole numbers 0..max name
 * classes "0".."max" (so label 3 is class 3 even if 2 never occurs); any other text makes
 * classes in order of first appearance.
 */
final class ClassLabels {
    private final Map<String, Integer> firstSeen = new LinkedHashMap<>();
    private boolean integers = true;
    private int max = -1;

    void add(String label) {
        if (integers && isClassInteger(label)) {
            max = Math.max(max, (int) Double.parseDouble(label));
        } else {
            integers = false;
        }
        if (firstSeen.size() <= 100_000) {
            firstSeen.putIfAbsent(label, firstSeen.size());
        }
    }

    List<String> names(String source) {
        if (integers) {
            if (max > 10_000) {
                throw new DataException(source + ": class label " + max + " is too large; class labels must be 0.."
                        + "(number of classes − 1)");
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c <= max; c++) {
                names.add(Integer.toString(c));
            }
            return names;
        }
        if (firstSeen.size() > 10_000) {
            throw new DataException(source + ": the target has more than 10,000 different values; for classification"
                    + " it needs classes, or choose regression");
        }
        return new ArrayList<>(firstSeen.keySet());
    }

    int index(String label) {
        return integers ? (int) Double.parseDouble(label) : firstSeen.get(label);
    }

    private static boolean isClassInteger(String v) {
        if (!CsvTable.isNumber(v)) {
            return false;
        }
        double d = Double.parseDouble(v);
        return d == Math.rint(d) && d >= 0 && d <= Integer.MAX_VALUE;
    }
}
