package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.data.ReconstructionDataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.layers.ActivationLayer;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;

/** The Reconstructions tab's snapshot and the grid it is drawn as (also the CLI's PNG). */
class ReconstructionSnapshotTest {
    @Test
    void theFirstImagesAndTheirOutputsLaidOutOriginalsAboveReconstructions() {
        // Three 2×2 grey images: 0, 0.5 and 1 everywhere; a linear activation hands them back unchanged.
        float[] x = new float[3 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i / 4) * 0.5f;
        }
        ReconstructionDataset data = new ReconstructionDataset(new ArrayDataset(x, Shape.of(2, 2, 1),
                new float[] {0, 1, 2}, 1, List.of("a", "b", "c")));
        Network identity = Sequential.input(2, 2, 1).add(new ActivationLayer("linear")).build(1);
        ReconstructionSnapshot s = ReconstructionSnapshot.of(identity, data, 16, 5, 2);
        assertEquals(3, s.count());
        assertArrayEquals(x, s.originals());
        assertArrayEquals(x, s.reconstructions());

        SampleGrid grid = SampleGrid.of(s, 2);
        // Two columns of 2-pixel images with 1-pixel gaps: 5 wide; two pairs of rows, 2+1+2 each, 3 apart: 13.
        assertEquals(5, grid.width());
        assertEquals(13, grid.height());
        assertEquals(0xff000000, grid.argb()[0], "image 1 (all 0) is black");
        assertEquals(0xff808080, grid.argb()[3], "image 2 (all 0.5) is mid grey");
        assertEquals(0xff808080, grid.argb()[7 * 5], "the gap between the pairs");
        assertEquals(0xffffffff, grid.argb()[8 * 5], "image 3 (all 1) is white, first row of the second pair");
        assertEquals(0xffffffff, grid.argb()[11 * 5], "and so is its reconstruction below it");
    }

    @Test
    void appliesToImagesWhoseOutputHasTheirSize() {
        assertTrue(ReconstructionSnapshot.applies(Shape.of(28, 28, 1), Shape.of(28, 28, 1)));
        assertTrue(ReconstructionSnapshot.applies(Shape.of(28, 28, 1), Shape.of(784)));
        assertTrue(ReconstructionSnapshot.applies(Shape.of(8, 8, 3), Shape.of(8, 8, 3)));
        assertFalse(ReconstructionSnapshot.applies(Shape.of(784), Shape.of(784)), "flat rows are not drawn as images");
        assertFalse(ReconstructionSnapshot.applies(Shape.of(28, 28, 1), Shape.of(10)));
        assertFalse(ReconstructionSnapshot.applies(Shape.of(4, 4, 2), Shape.of(4, 4, 2)), "two channels: no colour model");
    }
}
