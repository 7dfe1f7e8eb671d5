package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

/** "Target: the input itself": each sample's target row is its own features, flattened. */
class ReconstructionDatasetTest {
    @Test
    void targetsAreTheFeaturesAndTheLabelsStayReachable() {
        float[] x = new float[3 * 2 * 2 * 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / 10f;
        }
        ArrayDataset images = new ArrayDataset(x, Shape.of(2, 2, 1), new float[] {2, 0, 1}, 1, List.of("a", "b", "c"));
        ReconstructionDataset d = new ReconstructionDataset(images);
        assertEquals(4, d.targetWidth());
        assertFalse(d.isClassification(), "the target is pixels, not a class");
        assertSame(images, d.labelled());

        Tensor xb = Tensor.ofBatch(2, d.featureShape());
        Tensor yb = Tensor.zeros(2, d.targetWidth());
        d.gather(new int[] {2, 0}, 0, 2, xb, yb);
        assertArrayEquals(xb.data(), yb.data());
        assertArrayEquals(Arrays.copyOfRange(x, 8, 12), Arrays.copyOfRange(yb.data(), 0, 4));
        assertEquals(x[4], d.target(1));
        // A subset keeps the target the input: what the split for validation hands the trainer.
        Dataset part = d.subset(new int[] {1});
        Tensor y1 = Tensor.zeros(1, 4);
        part.gather(new int[] {0}, 0, 1, Tensor.ofBatch(1, d.featureShape()), y1);
        assertArrayEquals(Arrays.copyOfRange(x, 4, 8), y1.data());
    }
}
