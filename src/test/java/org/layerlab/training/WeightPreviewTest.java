package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Parameter;

class WeightPreviewTest {
    @Test
    void aLargeMatrixBecomesBlockMeansOfAtMostMaxCellsASide() {
        int rows = 1000;
        int cols = 500;
        float[] v = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = i + 1000 * j;
            }
        }
        int[] d = WeightPreview.dims(new int[] {rows, cols}, 160);
        // Blocks of 7 rows (1000 / 160 rounded up) and 4 columns.
        assertArrayEquals(new int[] {143, 125}, d);
        float[] p = WeightPreview.reduce(new int[] {rows, cols}, v, 160);
        assertEquals(143 * 125, p.length);
        // Block (0, 0): rows 0..6, columns 0..3: mean of i is 3, of 1000 j is 1500.
        assertEquals(3 + 1500, p[0], 1e-3);
        // The last row block holds rows 994..999 only (mean 996.5).
        assertEquals(996.5 + 1500, p[142 * 125], 1e-2);
        assertArrayEquals(p, WeightPreview.reduce(d, p, 160), "a preview is its own preview");
    }

    @Test
    void smallTensorsAndVectorsPassThroughAndConvKernelsLoseTheirInputChannels() {
        float[] bias = {1, 2, 3};
        assertArrayEquals(new int[] {3}, WeightPreview.dims(new int[] {3}, 160));
        assertArrayEquals(bias, WeightPreview.reduce(new int[] {3}, bias, 160));
        assertArrayEquals(new int[] {3, 3, 1, 64}, WeightPreview.dims(new int[] {3, 3, 32, 64}, 160));
        assertEquals(3 * 3 * 64, WeightPreview.reduce(new int[] {3, 3, 32, 64}, new float[3 * 3 * 32 * 64], 160).length);
        // A long vector is averaged in blocks too: 1,000 values in blocks of 7.
        assertArrayEquals(new int[] {143}, WeightPreview.dims(new int[] {1000}, 160));
        assertEquals(143, WeightPreview.reduce(new int[] {1000}, new float[1000], 160).length);
    }

    @Test
    void aSnapshotOfAFiveMillionWeightLayerSendsAPreviewAndExactRanges() {
        int in = 2000;
        int units = 2500;
        Tensor w = Tensor.zeros(in, units);
        w.data()[in * units - 7] = -3.5f;
        Parameter kernel = new Parameter("wide", "kernel", w, null);
        kernel.grad().data()[12_345] = 0.25f;
        WeightSnapshot s = WeightSnapshot.of("wide", 9, List.of(kernel), true);
        WeightSnapshot.Entry e = s.params().get(0);
        assertArrayEquals(new int[] {in, units}, e.dims(), "the layer's own dims, for the title");
        assertTrue(e.values().length <= 512 * 512, "a preview, not 5 million values: " + e.values().length);
        assertEquals(3.5, e.valueDistribution().maxAbs(), 1e-6, "the range counts every weight, sampled or not");
        assertEquals(0.25, e.gradDistribution().maxAbs(), 1e-6);
        assertEquals(3.5f, s.networkMaxAbs());
        double shares = 0;
        for (float x : e.valueDistribution().shares()) {
            shares += x;
        }
        assertEquals(1, shares, 1e-4, "sampled shares still add up to all values");
    }
}
