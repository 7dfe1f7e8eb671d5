package org.layerlab.ui.dashboard;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.layerlab.training.LatentSnapshot;

/**
 * The Latent tab of a VAE with two latent dimensions: on the left the map (each test
 * image at its z_mean, coloured by its class), on the right the decoder's image for each point
 * of a grid over the same square, so a region of the map and the clothes drawn there can be
 * compared side by side.
 */
final class LatentView extends ExampleView<LatentSnapshot> {
    private static final Color[] CLASSES = {Color.web("#4a7bd1"), Color.web("#d9822b"), Color.web("#2f9e77"),
        Color.web("#d24d57"), Color.web("#8e6bbf"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"),
        Color.web("#bcbd22"), Color.web("#17becf")};
    private WritableImage decoded;
    private LatentSnapshot decodedOf;

    @Override
    String emptyText() {
        return "Where the encoder puts the test images, and what the decoder draws across that plane, appear after"
                + " each epoch.";
    }

    @Override
    int epoch(LatentSnapshot s) {
        return s.epoch();
    }

    @Override
    String subject() {
        return "test images";
    }

    @Override
    String legend() {
        return "left: z_mean by class; right: decodings over the same square";
    }

    @Override
    void paintSnapshot(GraphicsContext g, double w, double h, LatentSnapshot s) {
        // The legend flows into further columns when the map is too short for one: every class named.
        int names = s.classNames().size();
        double sideGuess = Math.max(40, h - 44);
        int perColumn = Math.max(1, (int) (sideGuess / 14));
        int columns = names == 0 ? 0 : (names + perColumn - 1) / perColumn;
        double legendW = 120.0 * columns;
        double side = Math.max(40, Math.min(h - 44, (w - 48 - legendW) / 2));
        double left = 12;
        double top = 34;
        float[] e = s.extent();
        double spanX = Math.max(1e-6, e[1] - e[0]);
        double spanY = Math.max(1e-6, e[3] - e[2]);
        g.setStroke(text);
        g.strokeRect(left, top, side, side);
        for (int i = 0; i < s.x().length; i++) {
            double px = left + (s.x()[i] - e[0]) / spanX * side;
            double py = top + (e[3] - s.y()[i]) / spanY * side;
            if (px < left || px > left + side || py < top || py > top + side) {
                continue; // the 2% beyond each edge: the grid on the right covers the square only
            }
            g.setFill(CLASSES[Math.floorMod(s.labels()[i], CLASSES.length)]);
            g.fillOval(px - 1.5, py - 1.5, 3, 3);
        }
        g.setFont(Font.font(11));
        double lx = left + side + 12;
        for (int k = 0; k < names; k++) {
            double x = lx + (k / perColumn) * 120;
            double ly = top + 10 + (k % perColumn) * 14;
            g.setFill(CLASSES[k % CLASSES.length]);
            g.fillOval(x, ly - 7, 7, 7);
            g.setFill(text);
            g.fillText(s.classNames().get(k), x + 11, ly, 105);
        }
        if (decodedOf != s) {
            decoded = grid(s);
            decodedOf = s;
        }
        g.setImageSmoothing(false);
        g.drawImage(decoded, left + side + legendW + 12, top, side, side);
    }

    /** The decodings as one image, grey levels over [0, 1] (sigmoid outputs), or colour for three channels. */
    private static WritableImage grid(LatentSnapshot s) {
        int ih = s.image().dim(0);
        int iw = s.image().dim(1);
        int c = s.image().dim(2);
        int n = s.side();
        int[] argb = new int[n * iw * n * ih];
        int size = ih * iw * c;
        for (int r = 0; r < n; r++) {
            for (int col = 0; col < n; col++) {
                int from = (r * n + col) * size;
                for (int y = 0; y < ih; y++) {
                    for (int x = 0; x < iw; x++) {
                        int at = from + (y * iw + x) * c;
                        int red = level(s.decoded()[at]);
                        int green = c == 3 ? level(s.decoded()[at + 1]) : red;
                        int blue = c == 3 ? level(s.decoded()[at + 2]) : red;
                        argb[(r * ih + y) * n * iw + col * iw + x] = 0xff000000 | red << 16 | green << 8 | blue;
                    }
                }
            }
        }
        return image(argb, n * iw, n * ih);
    }

    private static int level(float v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, Float.isNaN(v) ? 0 : v)));
    }
}
