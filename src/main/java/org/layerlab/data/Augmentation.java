package org.layerlab.data;

import java.util.SplittableRandom;

/**
 * Random changes to training images that keep their class: a horizontal flip (half the time),
 * a shift of up to {@code shift} pixels each way, and a rotation of up to {@code rotate} degrees
 * either way. Pixels that come from outside the image are 0 (background), which is what
 * MNIST-style and most centred datasets have at their borders. Test data is never augmented.
 */
public record Augmentation(boolean flip, int shift, double rotate) {
    public static final Augmentation NONE = new Augmentation(false, 0, 0);

    public Augmentation {
        if (shift < 0 || shift > 64) {
            throw new DataException("augmentation shift must be 0 to 64 pixels, not " + shift);
        }
        if (!(rotate >= 0 && rotate <= 45)) {
            throw new DataException("augmentation rotation must be 0 to 45 degrees, not " + rotate
                    + "; larger angles change what many images show");
        }
    }

    public boolean isNone() {
        return !flip && shift == 0 && rotate == 0;
    }

    /** "flip, shift ±2 px, rotate ±10°" or "none". */
    public String describe() {
        if (isNone()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        if (flip) {
            sb.append("flip");
        }
        if (shift > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append("shift ±").append(shift).append(" px");
        }
        if (rotate > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(String.format("rotate ±%.0f°", rotate));
        }
        return sb.toString();
    }

    /**
     * Transforms one image (height × width × channels, channels last) at x[at...] in place, using
     * scratch (at least h·w·c floats) so nothing is allocated per image. Rotation and shift map
     * each output pixel back into the source and interpolate bilinearly.
     */
    public void apply(float[] x, int at, int h, int w, int c, SplittableRandom rng, float[] scratch) {
        boolean mirror = flip && rng.nextBoolean();
        double dx = shift == 0 ? 0 : rng.nextInt(-shift, shift + 1);
        double dy = shift == 0 ? 0 : rng.nextInt(-shift, shift + 1);
        double angle = rotate == 0 ? 0 : Math.toRadians(rng.nextDouble(-rotate, rotate));
        if (!mirror && dx == 0 && dy == 0 && angle == 0) {
            return;
        }
        int n = h * w * c;
        System.arraycopy(x, at, scratch, 0, n);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                // Inverse map: undo the shift, then the rotation about the centre, then the flip.
                double ox = col - dx - cx;
                double oy = r - dy - cy;
                double sx = cos * ox + sin * oy + cx;
                double sy = -sin * ox + cos * oy + cy;
                if (mirror) {
                    sx = w - 1 - sx;
                }
                int base = at + (r * w + col) * c;
                sample(scratch, h, w, c, sy, sx, x, base);
            }
        }
    }

    private static void sample(float[] src, int h, int w, int c, double sy, double sx, float[] out, int base) {
        int y0 = (int) Math.floor(sy);
        int x0 = (int) Math.floor(sx);
        double fy = sy - y0;
        double fx = sx - x0;
        for (int ch = 0; ch < c; ch++) {
            double v = (1 - fy) * ((1 - fx) * pixel(src, h, w, c, y0, x0, ch) + fx * pixel(src, h, w, c, y0, x0 + 1, ch))
                    + fy * ((1 - fx) * pixel(src, h, w, c, y0 + 1, x0, ch) + fx * pixel(src, h, w, c, y0 + 1, x0 + 1, ch));
            out[base + ch] = (float) v;
        }
    }

    private static float pixel(float[] src, int h, int w, int c, int y, int x, int ch) {
        return y < 0 || y >= h || x < 0 || x >= w ? 0f : src[(y * w + x) * c + ch];
    }
}
