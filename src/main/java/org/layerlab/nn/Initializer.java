package org.layerlab.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A weight initializer with a Keras name and formula. The variance-scaling kinds use the layer's
 * fan-in and fan-out; their "normal" variants draw from a normal truncated at two standard
 * deviations, scaled as Keras does (stddev / 0.8796).
 *
 * @param a mean (random_normal) or minval (random_uniform); unused otherwise
 * @param b stddev (random_normal) or maxval (random_uniform); unused otherwise
 */
public record Initializer(Kind kind, double a, double b) {
    /** Keras names of the initializers. */
    public enum Kind {
        GLOROT_UNIFORM, GLOROT_NORMAL, HE_UNIFORM, HE_NORMAL, LECUN_UNIFORM, LECUN_NORMAL,
        ZEROS, ONES, RANDOM_NORMAL, RANDOM_UNIFORM, ORTHOGONAL;

        public String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Initializer GLOROT_UNIFORM = of(Kind.GLOROT_UNIFORM);
    public static final Initializer ZEROS = of(Kind.ZEROS);
    /** The recurrent kernels' default. */
    public static final Initializer ORTHOGONAL = of(Kind.ORTHOGONAL);

    // Stddev of a standard normal truncated to [-2, 2]; Keras divides by it to keep the variance.
    private static final double TRUNCATED_STDDEV = 0.87962566103423978;

    public Initializer {
        Checks.notNull("Initializer", "kind", kind);
        if (kind == Kind.RANDOM_NORMAL && !(b > 0)) {
            throw new IllegalArgumentException("random_normal: stddev must be positive. Received: stddev=" + b);
        }
        if (kind == Kind.RANDOM_UNIFORM && !(a < b)) {
            throw new IllegalArgumentException("random_uniform: minval must be below maxval. Received: minval="
                    + a + ", maxval=" + b);
        }
    }

    /** With Keras' default arguments (random_normal 0 ± 0.05, random_uniform [−0.05, 0.05]). */
    public static Initializer of(Kind kind) {
        return switch (kind) {
            case RANDOM_NORMAL -> new Initializer(kind, 0, 0.05);
            case RANDOM_UNIFORM -> new Initializer(kind, -0.05, 0.05);
            default -> new Initializer(kind, 0, 0);
        };
    }

    public static Initializer randomNormal(double mean, double stddev) {
        return new Initializer(Kind.RANDOM_NORMAL, mean, stddev);
    }

    public static Initializer randomUniform(double min, double max) {
        return new Initializer(Kind.RANDOM_UNIFORM, min, max);
    }

    public static Initializer parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (k.name().equals(n)) {
                return of(k);
            }
        }
        StringBuilder names = new StringBuilder();
        for (Kind k : Kind.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(k.kerasName());
        }
        throw new IllegalArgumentException("unknown initializer '" + name + "'; choose one of " + names);
    }

    public void fill(float[] values, int fanIn, int fanOut, SplittableRandom rng) {
        switch (kind) {
            case ZEROS -> Arrays.fill(values, 0f);
            case ONES -> Arrays.fill(values, 1f);
            case GLOROT_UNIFORM -> uniform(values, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
            case HE_UNIFORM -> uniform(values, Math.sqrt(6.0 / fanIn), rng);
            case LECUN_UNIFORM -> uniform(values, Math.sqrt(3.0 / fanIn), rng);
            case GLOROT_NORMAL -> truncated(values, Math.sqrt(2.0 / (fanIn + fanOut)) / TRUNCATED_STDDEV, rng);
            case HE_NORMAL -> truncated(values, Math.sqrt(2.0 / fanIn) / TRUNCATED_STDDEV, rng);
            case LECUN_NORMAL -> truncated(values, Math.sqrt(1.0 / fanIn) / TRUNCATED_STDDEV, rng);
            case RANDOM_NORMAL -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (a + b * gaussian(rng));
                }
            }
            case RANDOM_UNIFORM -> {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (a + (b - a) * rng.nextDouble());
                }
            }
            case ORTHOGONAL -> orthogonal(values, fanOut, rng);
        }
    }

    /**
     * Keras' Orthogonal (gain 1): the values as a (size / cols, cols) matrix with orthonormal rows
     * or columns, whichever are fewer, from the QR decomposition of a normal matrix with the signs
     * of R's diagonal folded in; Gram–Schmidt gives exactly that Q. Here cols is the fan-out, which
     * for a 2-D kernel (in, out) is Keras' last axis; for a conv kernel Keras uses its last axis.
     */
    private static void orthogonal(float[] values, int cols, SplittableRandom rng) {
        int rows = values.length / cols;
        int big = Math.max(rows, cols);
        int small = Math.min(rows, cols);
        // q holds `small` vectors of length `big`, orthonormalised in turn.
        double[][] q = new double[small][big];
        for (int v = 0; v < small; v++) {
            for (int i = 0; i < big; i++) {
                q[v][i] = gaussian(rng);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int w = 0; w < v; w++) {
                    double dot = 0;
                    for (int i = 0; i < big; i++) {
                        dot += q[v][i] * q[w][i];
                    }
                    for (int i = 0; i < big; i++) {
                        q[v][i] -= dot * q[w][i];
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < big; i++) {
                norm += q[v][i] * q[v][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < big; i++) {
                q[v][i] /= norm;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                values[r * cols + c] = (float) (rows >= cols ? q[c][r] : q[r][c]);
            }
        }
    }

    private static void uniform(float[] v, double limit, SplittableRandom rng) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
        }
    }

    private static void truncated(float[] v, double stddev, SplittableRandom rng) {
        for (int i = 0; i < v.length; i++) {
            double g;
            do {
                g = gaussian(rng);
            } while (Math.abs(g) > 2);
            v[i] = (float) (g * stddev);
        }
    }

    /** Box–Muller; SplittableRandom has no nextGaussian on Java 17. */
    static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Override
    public String toString() {
        return kind.kerasName();
    }
}
