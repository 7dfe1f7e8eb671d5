package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class AxisTicksTest {
    @Test
    void linearTicksAreRoundAndCoverTheData() {
        AxisTicks t = AxisTicks.linear(0.1195, 2.33, 4);
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5}, t.values(), 1e-12);
        assertEquals(0, t.lo(), 1e-12);
        assertEquals(2.5, t.hi(), 1e-12);
        assertEquals(List.of("0.0", "0.5", "1.0", "1.5", "2.0", "2.5"), labels(t));
    }

    @Test
    void smallAndLargeRangesGetTheirOwnStep() {
        assertEquals(List.of("0.83", "0.84", "0.85", "0.86", "0.87"), labels(AxisTicks.linear(0.83, 0.87, 4)));
        assertEquals(List.of("0", "5,000", "10,000", "15,000", "20,000"), labels(AxisTicks.linear(3, 18_760, 4)));
        assertEquals(List.of("-1.0", "-0.5", "0.0", "0.5", "1.0"), labels(AxisTicks.linear(-0.9, 0.9, 4)));
    }

    @Test
    void stepTicksStayInsideTheData() {
        AxisTicks t = AxisTicks.within(1, 882, 4);
        assertEquals(1, t.lo(), 0);
        assertEquals(882, t.hi(), 0);
        assertEquals(List.of("200", "400", "600", "800"), labels(t));
    }

    @Test
    void logTicksAreDecades() {
        assertEquals(List.of("0.001", "0.010", "0.100", "1.000"), labels(AxisTicks.log(0.004, 0.9)));
        AxisTicks one = AxisTicks.log(0.2, 0.9);
        assertArrayEquals(new double[] {0.1, 0.2, 0.5, 1}, one.values(), 1e-12);
    }

    private static List<String> labels(AxisTicks t) {
        return Arrays.stream(t.values()).mapToObj(t::label).toList();
    }
}
