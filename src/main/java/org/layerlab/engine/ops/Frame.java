package org.layerlab.engine.ops;

import java.util.Arrays;

import org.layerlab.engine.Tensor;

/**
 * Images (N, H, W, C) framed in zeros (ZeroPadding2D) or cut down (Cropping2D): both copy rows of
 * pixels between a larger and a smaller image at an offset, and their backward adds the same way
 * round the other way (gradients accumulate, as every layer's do).
 */
public final class Frame {
    private Frame() {
    }

    /** Copies the small image into the large one at (top, left); the rest of large is zeroed first. */
    public static void embed(Tensor small, Tensor large, int top, int left) {
        int n = small.batch();
        Arrays.fill(large.data(), 0, n * large.sampleSize(), 0f);
        copy(small, large, top, left, true);
    }

    /** Copies the window of the large image at (top, left), the small one's size, into small. */
    public static void cut(Tensor large, Tensor small, int top, int left) {
        copy(small, large, top, left, false);
    }

    /** Adds the window of large at (top, left) onto small (ZeroPadding2D's gradient). */
    public static void addCut(Tensor large, Tensor small, int top, int left) {
        add(small, large, top, left, false);
    }

    /** Adds small onto the window of large at (top, left) (Cropping2D's gradient). */
    public static void addEmbed(Tensor small, Tensor large, int top, int left) {
        add(small, large, top, left, true);
    }

    private static void add(Tensor small, Tensor large, int top, int left, boolean intoLarge) {
        int n = small.batch();
        int h = small.dim(1);
        int w = small.dim(2);
        int c = small.dim(3);
        int bh = large.dim(1);
        int bw = large.dim(2);
        float[] s = small.data();
        float[] l = large.data();
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < h; i++) {
                int so = ((b * h + i) * w) * c;
                int lo = ((b * bh + i + top) * bw + left) * c;
                for (int k = 0; k < w * c; k++) {
                    if (intoLarge) {
                        l[lo + k] += s[so + k];
                    } else {
                        s[so + k] += l[lo + k];
                    }
                }
            }
        }
    }

    private static void copy(Tensor small, Tensor large, int top, int left, boolean intoLarge) {
        int n = small.batch();
        int h = small.dim(1);
        int w = small.dim(2);
        int c = small.dim(3);
        int bh = large.dim(1);
        int bw = large.dim(2);
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < h; i++) {
                int so = ((b * h + i) * w) * c;
                int lo = ((b * bh + i + top) * bw + left) * c;
                if (intoLarge) {
                    System.arraycopy(small.data(), so, large.data(), lo, w * c);
                } else {
                    System.arraycopy(large.data(), lo, small.data(), so, w * c);
                }
            }
        }
    }
}
