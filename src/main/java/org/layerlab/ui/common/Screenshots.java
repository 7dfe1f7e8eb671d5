package org.layerlab.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Renders a scene to PNG without javafx-swing: snapshot, copy the pixels into a BufferedImage, write it. */
public final class Screenshots {
    private Screenshots() {
    }

    /** Waits for layout and CSS to settle (and whatever else seconds are for), writes the PNG, then runs done. */
    public static void afterLayout(Scene scene, Path file, double seconds, Runnable done) {
        Later.run(seconds, () -> {
            try {
                write(scene, file);
            } catch (IOException ex) {
                System.err.println("error: cannot write " + file + ": " + ex.getMessage());
            }
            done.run();
        });
    }

    public static void write(Scene scene, Path file) throws IOException {
        writeImage(scene.snapshot(null), file);
    }

    public static void writeImage(WritableImage img, Path file) throws IOException {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        ImageIO.write(out, "png", file.toFile());
    }
}
