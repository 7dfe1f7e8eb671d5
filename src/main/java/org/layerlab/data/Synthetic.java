package org.layerlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.layerlab.engine.Shape;

/**
 * Seeded toy datasets for trying networks: classification in 2-D (xor, circles, moons, spirals,
 * blobs) and 1-D regression (linear, quadratic, sine), each with Gaussian noise of the given size.
 */
public final class Synthetic {
    /** The generators by name. */
    public static final List<String> NAMES = List.of("xor", "circles", "moons", "spirals", "blobs", "linear",
            "quadratic", "sine");

    private Synthetic() {
    }

    public static ArrayDataset generate(String name, int samples, double noise, int classes, long seed) {
        if (samples < 2 || samples > 1_000_000) {
            throw new DataException("a synthetic dataset needs 2 to 1,000,000 samples, not " + samples);
        }
        if (!(noise >= 0) || noise > 10) {
            throw new DataException("noise must be between 0 and 10, not " + noise);
        }
        Random rng = new Random(seed);
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "xor" -> classify(samples, 2, rng, (i, p) -> {
                double x = rng.nextDouble() * 2 - 1;
                double y = rng.nextDouble() * 2 - 1;
                p[0] = x + noise * rng.nextGaussian();
                p[1] = y + noise * rng.nextGaussian();
                return x * y > 0 ? 0 : 1;
            });
            case "circles" -> classify(samples, 2, rng, (i, p) -> {
                int c = i % 2;
                double r = c == 0 ? 0.4 : 1.0;
                double t = rng.nextDouble() * 2 * Math.PI;
                p[0] = r * Math.cos(t) + noise * rng.nextGaussian();
                p[1] = r * Math.sin(t) + noise * rng.nextGaussian();
                return c;
            });
            case "moons" -> classify(samples, 2, rng, (i, p) -> {
                int c = i % 2;
                double t = rng.nextDouble() * Math.PI;
                p[0] = (c == 0 ? Math.cos(t) : 1 - Math.cos(t)) + noise * rng.nextGaussian();
                p[1] = (c == 0 ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * rng.nextGaussian();
                return c;
            });
            case "spirals" -> classify(samples, 2, rng, (i, p) -> {
                int c = i % 2;
                double t = 0.25 + rng.nextDouble() * 3 * Math.PI;
                double r = t / (3 * Math.PI);
                double a = t + c * Math.PI;
                p[0] = r * Math.cos(a) + noise * rng.nextGaussian();
                p[1] = r * Math.sin(a) + noise * rng.nextGaussian();
                return c;
            });
            case "blobs" -> {
                int k = Math.max(2, Math.min(classes, 20));
                double[][] centres = new double[k][2];
                for (int c = 0; c < k; c++) {
                    centres[c][0] = Math.cos(2 * Math.PI * c / k) * 2;
                    centres[c][1] = Math.sin(2 * Math.PI * c / k) * 2;
                }
                yield classify(samples, k, rng, (i, p) -> {
                    int c = i % k;
                    p[0] = centres[c][0] + (0.3 + noise) * rng.nextGaussian();
                    p[1] = centres[c][1] + (0.3 + noise) * rng.nextGaussian();
                    return c;
                });
            }
            case "linear", "quadratic", "sine" -> {
                float[] x = new float[samples];
                float[] y = new float[samples];
                for (int i = 0; i < samples; i++) {
                    double v = -1 + 2.0 * i / (samples - 1);
                    double f = n.equals("linear") ? 0.8 * v - 0.2 : n.equals("quadratic") ? v * v : Math.sin(Math.PI * v);
                    x[i] = (float) v;
                    y[i] = (float) (f + noise * rng.nextGaussian());
                }
                yield new ArrayDataset(x, Shape.of(1), y, 1, List.of());
            }
            default -> throw new DataException("unknown generator '" + name + "'; choose one of " + String.join(", ", NAMES));
        };
    }

    /** Draws one sample into p and returns its class. */
    private interface Sampler {
        int draw(int index, double[] p);
    }

    private static ArrayDataset classify(int samples, int classes, Random rng, Sampler s) {
        float[] x = new float[samples * 2];
        float[] y = new float[samples];
        double[] p = new double[2];
        for (int i = 0; i < samples; i++) {
            y[i] = s.draw(i, p);
            x[2 * i] = (float) p[0];
            x[2 * i + 1] = (float) p[1];
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class " + c);
        }
        return new ArrayDataset(x, Shape.of(2), y, 1, names);
    }
}
