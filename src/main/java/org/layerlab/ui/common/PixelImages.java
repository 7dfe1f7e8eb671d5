package org.layerlab.ui.common;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * Turns one image of a dataset (height × width × channels, values 0..1) into a JavaFX image, so
 * it can be drawn scaled with smoothing off: crisp pixels, and none of the seams that filling
 * one rectangle per pixel leaves at fractional zoom.
 */
public final class PixelImages {
    private PixelImages() {
    }

    public static WritableImage of(float[] x, int at, int h, int w, int c) {
        WritableImage img = new WritableImage(w, h);
        PixelWriter pw = img.getPixelWriter();
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                int b = at + (r * w + col) * c;
                int red = level(x[b]);
                int green = c == 3 ? level(x[b + 1]) : red;
                int blue = c == 3 ? level(x[b + 2]) : red;
                pw.setArgb(col, r, 0xFF000000 | red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    private static int level(float v) {
        return Math.round(255 * Math.max(0, Math.min(1, v)));
    }
}
