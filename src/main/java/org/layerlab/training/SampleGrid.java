package org.layerlab.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.layerlab.engine.Shape;

/**
 * Images laid out as a grid of ARGB pixels: for an autoencoder, each row of originals followed by
 * the row of their reconstructions. Pixel values map to grey (or colour) over the originals'
 * range, [0, 1] for the usual scaled images, so a reconstruction is drawn on the same scale as
 * its original. The window shows it, the command line writes it as PNG.
 */
public record SampleGrid(int width, int height, int[] argb) {
    private static final int GAP = 1;

    /** Pairs of rows: columns originals, then their reconstructions below, and so on. */
    public static SampleGrid of(ReconstructionSnapshot s, int columns) {
        int h = s.image().dim(0);
        int w = s.image().dim(1);
        int c = s.image().dim(2);
        int pairs = (s.count() + columns - 1) / columns;
        int gridW = columns * (w + GAP) - GAP;
        int gridH = pairs * 2 * (h + GAP) + (pairs - 1) * 2 * GAP - GAP;
        int[] pixels = new int[Math.max(1, gridW * gridH)];
        Arrays.fill(pixels, 0xff808080);
        float lo = 0;
        float hi = 1;
        for (float v : s.originals()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        int size = h * w * c;
        for (int i = 0; i < s.count(); i++) {
            int col = i % columns;
            int pair = i / columns;
            int top = pair * (2 * (h + GAP) + 2 * GAP);
            paint(pixels, gridW, col * (w + GAP), top, s.originals(), i * size, h, w, c, lo, hi);
            paint(pixels, gridW, col * (w + GAP), top + h + GAP, s.reconstructions(), i * size, h, w, c, lo, hi);
        }
        return new SampleGrid(gridW, gridH, pixels);
    }

    /** count images (in the image's layout, one after another) as rows of columns, no pairs. */
    public static SampleGrid ofImages(float[] images, Shape image, int count, int columns) {
        int h = image.dim(0);
        int w = image.dim(1);
        int c = image.dim(2);
        int rows = (count + columns - 1) / columns;
        int gridW = columns * (w + GAP) - GAP;
        int gridH = rows * (h + GAP) - GAP;
        int[] pixels = new int[Math.max(1, gridW * gridH)];
        Arrays.fill(pixels, 0xff808080);
        for (int i = 0; i < count; i++) {
            paint(pixels, gridW, (i % columns) * (w + GAP), (i / columns) * (h + GAP), images, i * h * w * c, h, w, c, 0,
                    1);
        }
        return new SampleGrid(gridW, gridH, pixels);
    }

    private static void paint(int[] pixels, int stride, int left, int top, float[] values, int from, int h, int w,
                              int c, float lo, float hi) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = from + (y * w + x) * c;
                int r = level(values[at], lo, hi);
                int g = c == 3 ? level(values[at + 1], lo, hi) : r;
                int b = c == 3 ? level(values[at + 2], lo, hi) : r;
                pixels[(top + y) * stride + left + x] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
    }

    private static int level(float v, float lo, float hi) {
        double t = (v - lo) / (hi - lo);
        return (int) Math.round(255 * Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)));
    }

    /** The grid as a PNG file, each pixel scale × scale pixels (small images are hard to see at 1:1). */
    public void writePng(Path file, int scale) throws IOException {
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) {
                image.setRGB(x, y, argb[(y / scale) * width + x / scale]);
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java");
        }
    }
}
