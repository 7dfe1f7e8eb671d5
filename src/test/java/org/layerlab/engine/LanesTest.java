package org.layerlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The vector loops against the scalar ones, to the last bit: the engine's results must not depend
 * on whether java runs with jdk.incubator.vector. Widths below, at and above a vector length,
 * and not multiples of one, so the scalar tails run too.
 */
class LanesTest {
    private static final Lanes.Scalar SCALAR = new Lanes.Scalar();

    @Test
    void columnSumsAddEachColumnsRowsInOrder() {
        assertTrue(Gemm.vectorAvailable(), "the tests run with jdk.incubator.vector, as LayerLab does");
        for (int width : new int[] {1, 10, 16, 32, 37, 64}) {
            int rows = 517;
            float[] g = values(rows * width, width);
            float[] sums = values(width, 99);
            float[] expected = sums.clone();
            SCALAR.sumColumnsRun(g, rows, width, 0, width, expected);
            Lanes.sumColumns(g, rows, width, 0, width, sums);
            assertArrayEquals(expected, sums, "width " + width);
        }
        // A chunk of columns leaves the others alone.
        float[] g = values(40 * 48, 5);
        float[] sums = new float[48];
        Lanes.sumColumns(g, 40, 48, 16, 32, sums);
        assertEquals(0f, sums[15]);
        assertEquals(0f, sums[32]);
        float column20 = 0f;
        for (int r = 0; r < 40; r++) {
            column20 += g[r * 48 + 20];
        }
        assertEquals(column20, sums[20]);
    }

    @Test
    void allFiniteFindsEveryNaNAndInfinityWhereverItIs() {
        float[] odd = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffffffff)};
        float[] finite = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0f};
        for (int n : new int[] {1, 15, 16, 31, 32, 33, 100}) {
            float[] a = values(n, n);
            assertTrue(Lanes.allFinite(a, 0, n) && SCALAR.allFiniteRun(a, 0, n), "n " + n);
            for (int at = 0; at < n; at++) {
                for (float v : odd) {
                    float[] b = a.clone();
                    b[at] = v;
                    assertFalse(Lanes.allFinite(b, 0, n), v + " at " + at + " of " + n);
                    assertFalse(SCALAR.allFiniteRun(b, 0, n), v + " at " + at + " of " + n);
                    // Outside the range asked about, it does not count.
                    assertTrue(Lanes.allFinite(b, 0, at) && Lanes.allFinite(b, at + 1, n), "around " + at);
                }
                for (float v : finite) {
                    float[] b = a.clone();
                    b[at] = v;
                    assertTrue(Lanes.allFinite(b, 0, n), v + " at " + at + " of " + n);
                }
            }
        }
    }

    @Test
    void bytesBecomeTheScalarLoopsFloats() {
        byte[] src = new byte[300];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i * 37 + 11); // every value 0-255 (as unsigned) appears
        }
        for (int n : new int[] {0, 1, 15, 16, 17, 64, 255}) {
            for (float scale : new float[] {1f / 255f, 1f, -0.5f}) {
                float[] expected = values(n + 5, n);
                float[] actual = expected.clone();
                SCALAR.unsignedBytesScaledRun(src, 3, expected, 2, n, scale);
                Lanes.unsignedBytesScaled(src, 3, actual, 2, n, scale);
                assertArrayEquals(expected, actual, n + " bytes × " + scale);
            }
        }
        float[] one = new float[1];
        Lanes.unsignedBytesScaled(new byte[] {(byte) 0xff}, 0, one, 0, 1, 1f);
        assertEquals(255f, one[0], "bytes are unsigned");
    }

    @Test
    void rowsGetTheBiasAndRunsAddUp() {
        for (int width : new int[] {3, 16, 21, 32, 70}) {
            float[] b = values(width, 7);
            float[] y = values(9 * width, 8);
            float[] expected = y.clone();
            SCALAR.addToRowsRun(expected, 2, 7, width, b);
            Lanes.addToRows(y, 2, 7, width, b);
            assertArrayEquals(expected, y, "width " + width);
            assertEquals(values(9 * width, 8)[width - 1], y[width - 1], "row 0 is outside the range");
        }
        for (int n : new int[] {0, 3, 16, 47}) {
            float[] src = values(n + 4, 1);
            float[] dst = values(n + 9, 2);
            float[] expected = dst.clone();
            SCALAR.addRun(src, 4, expected, 9, n);
            Lanes.add(src, 4, dst, 9, n);
            assertArrayEquals(expected, dst, "run of " + n);
        }
    }

    private static float[] values(int n, long seed) {
        Random rng = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
