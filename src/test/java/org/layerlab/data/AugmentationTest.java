package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

class AugmentationTest {
    private static final int H = 9;
    private static final int W = 9;

    private static float[] dot(int r, int c) {
        float[] x = new float[H * W];
        x[r * W + c] = 1;
        return x;
    }

    private static float[] mirror(float[] x) {
        float[] m = new float[x.length];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                m[r * W + c] = x[r * W + (W - 1 - c)];
            }
        }
        return m;
    }

    @Test
    void flipMirrorsAboutHalfTheImagesAndChangesNothingElse() {
        Augmentation a = new Augmentation(true, 0, 0);
        float[] original = dot(2, 1);
        SplittableRandom rng = new SplittableRandom(5);
        int flipped = 0;
        for (int i = 0; i < 200; i++) {
            float[] x = original.clone();
            a.apply(x, 0, H, W, 1, rng, new float[H * W]);
            if (Arrays.equals(x, mirror(original))) {
                flipped++;
            } else {
                assertArrayEquals(original, x, "an image is either mirrored or left as it was");
            }
        }
        assertTrue(flipped > 70 && flipped < 130, "about half are flipped: " + flipped);
    }

    @Test
    void shiftMovesByWholePixelsWithinTheLimitAndFillsWithBackground() {
        Augmentation a = new Augmentation(false, 2, 0);
        SplittableRandom rng = new SplittableRandom(9);
        boolean[][] seen = new boolean[5][5];
        for (int i = 0; i < 400; i++) {
            float[] x = dot(4, 4);
            a.apply(x, 0, H, W, 1, rng, new float[H * W]);
            int at = -1;
            for (int p = 0; p < x.length; p++) {
                if (x[p] != 0) {
                    assertEquals(-1, at, "one pixel, moved whole");
                    assertEquals(1f, x[p]);
                    at = p;
                }
            }
            int dr = at / W - 4;
            int dc = at % W - 4;
            assertTrue(Math.abs(dr) <= 2 && Math.abs(dc) <= 2, "shifted by " + dr + ", " + dc);
            seen[dr + 2][dc + 2] = true;
        }
        for (boolean[] row : seen) {
            for (boolean s : row) {
                assertTrue(s, "every shift in ±2 occurs");
            }
        }
    }

    @Test
    void rotationTurnsAboutTheCentreAndKeepsAChannelsImageWhole() {
        // A horizontal bar through the centre, RGB; rotated up to 30°, its centre pixel stays lit
        // and its ends leave the middle row.
        int c = 3;
        float[] bar = new float[H * W * c];
        for (int col = 1; col < W - 1; col++) {
            for (int ch = 0; ch < c; ch++) {
                bar[(4 * W + col) * c + ch] = 1;
            }
        }
        Augmentation a = new Augmentation(false, 0, 30);
        SplittableRandom rng = new SplittableRandom(1);
        boolean tilted = false;
        for (int i = 0; i < 20; i++) {
            float[] x = bar.clone();
            a.apply(x, 0, H, W, c, rng, new float[x.length]);
            assertEquals(1f, x[(4 * W + 4) * c], 1e-6, "the centre does not move");
            assertEquals(x[(4 * W + 4) * c], x[(4 * W + 4) * c + 2], "channels move together");
            tilted |= x[(4 * W + 1) * c] < 0.5f;
        }
        assertTrue(tilted, "some rotation moved the bar's end off the middle row");
    }

    @Test
    void limitsAreChecked() {
        assertThrows(DataException.class, () -> new Augmentation(false, -1, 0));
        DataException e = assertThrows(DataException.class, () -> new Augmentation(false, 0, 90));
        assertTrue(e.getMessage().contains("0 to 45 degrees"), e.getMessage());
        assertEquals("flip, shift ±2 px, rotate ±10°", new Augmentation(true, 2, 10).describe());
        assertTrue(Augmentation.NONE.isNone());
    }

    @Test
    void augmentedDataIsSeededAndKeepsLabels() {
        int n = 6;
        float[] x = new float[n * H * W];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i * H * W + 4 * W + i + 1] = 1;
            y[i] = i % 2;
        }
        ArrayDataset base = new ArrayDataset(x, Shape.of(H, W, 1), y, 1, List.of("a", "b"));
        Augmentation a = new Augmentation(true, 2, 15);
        int[] order = {0, 1, 2, 3, 4, 5};
        Tensor x1 = Tensor.ofBatch(n, base.featureShape());
        Tensor y1 = Tensor.zeros(n, 1);
        Tensor x2 = Tensor.ofBatch(n, base.featureShape());
        Tensor y2 = Tensor.zeros(n, 1);
        new AugmentedDataset(base, a, 7).gather(order, 0, n, x1, y1);
        new AugmentedDataset(base, a, 7).gather(order, 0, n, x2, y2);
        assertArrayEquals(x1.data(), x2.data(), "same seed, same images");
        assertArrayEquals(y, Arrays.copyOf(y1.data(), n), "labels are untouched");
        assertFalse(Arrays.equals(Arrays.copyOf(x1.data(), x.length), x), "the images changed");
        AugmentedDataset again = new AugmentedDataset(base, a, 7);
        again.gather(order, 0, n, x2, y2);
        again.gather(order, 0, n, x2, y2);
        assertFalse(Arrays.equals(x1.data(), x2.data()), "the next epoch sees other variants");
        again.restarted().gather(order, 0, n, x2, y2);
        assertArrayEquals(x1.data(), x2.data(), "restarted: the first epoch's variants again");
        DataException table = assertThrows(DataException.class,
                () -> new AugmentedDataset(ArrayDataset.regression(new float[][] {{1, 2}}, new float[] {1}), a, 1));
        assertTrue(table.getMessage().contains("works on images"));
    }
}
