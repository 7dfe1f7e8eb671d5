package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PcaTest {
    @Test
    void findsTheDirectionOfCorrelatedFeaturesFirst() {
        // Features 0 and 1 move together (plus small noise); feature 2 is independent noise.
        Random r = new Random(3);
        int n = 2000;
        float[] x = new float[n * 3];
        for (int i = 0; i < n; i++) {
            double t = r.nextGaussian();
            x[i * 3] = (float) (t + 0.1 * r.nextGaussian());
            x[i * 3 + 1] = (float) (5 * t + 0.5 * r.nextGaussian());
            x[i * 3 + 2] = (float) r.nextGaussian();
        }
        Pca p = Pca.fit(x, n, 3, 2);
        double[] c0 = p.component(0);
        double inv = 1 / Math.sqrt(2);
        assertEquals(inv, c0[0], 0.02, "after scaling the two linked features weigh the same");
        assertEquals(inv, c0[1], 0.02);
        assertEquals(0, c0[2], 0.05);
        double[] c1 = p.component(1);
        assertEquals(1, Math.abs(c1[2]), 0.05, "the second component is the independent feature");
        assertEquals(0, c0[0] * c1[0] + c0[1] * c1[1] + c0[2] * c1[2], 1e-6, "components are orthogonal");
        // Standardized, total variance is 3: the linked pair explains ~2 of it, the noise ~1.
        assertEquals(2 / 3.0, p.explained(0), 0.02);
        assertEquals(1 / 3.0, p.explained(1), 0.03);
        double along = p.project(new float[] {1, 5, 0}, 0, 3, 0);
        assertTrue(along > 1, "a point along the shared direction projects far out on component 1: " + along);
    }

    @Test
    void constantColumnsDoNotBreakIt() {
        float[] x = {1, 7, 2, 7, 3, 7, 4, 7};
        Pca p = Pca.fit(x, 4, 2, 2);
        assertEquals(1, p.explained(0), 1e-9);
        assertEquals(0, p.explained(1), 1e-9);
        assertTrue(Double.isFinite(p.project(x, 0, 2, 1)));
    }
}
