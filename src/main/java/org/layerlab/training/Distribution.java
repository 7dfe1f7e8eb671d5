package org.layerlab.training;

/**
 * The distribution of a tensor's finite values: the largest magnitude and the share of values in
 * each of {@link #BINS} equal bins over [−maxAbs, maxAbs]. Made on the training thread with each
 * snapshot, so the window only re-bins a few hundred numbers instead of every weight.
 */
public record Distribution(double maxAbs, float[] shares) {
    public static final int BINS = 512;

    public static Distribution of(float[] v) {
        double m = 1e-12;
        for (float x : v) {
            if (Float.isFinite(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        float[] h = new float[BINS];
        for (float x : v) {
            if (Float.isFinite(x)) {
                int b = (int) ((x + m) / (2 * m) * BINS);
                h[Math.max(0, Math.min(BINS - 1, b))]++;
            }
        }
        for (int i = 0; i < BINS; i++) {
            h[i] /= Math.max(1, v.length);
        }
        return new Distribution(m, h);
    }

    /** Shares in n equal bins over [−r, r] (r ≥ maxAbs), each fine bin counted where its centre falls. */
    public float[] rebin(int n, double r) {
        float[] out = new float[n];
        for (int i = 0; i < BINS; i++) {
            double centre = -maxAbs + (i + 0.5) * 2 * maxAbs / BINS;
            int b = (int) ((centre + r) / (2 * r) * n);
            out[Math.max(0, Math.min(n - 1, b))] += shares[i];
        }
        return out;
    }
}
