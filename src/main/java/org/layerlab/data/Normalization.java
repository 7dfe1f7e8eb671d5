package org.layerlab.data;

import java.util.Arrays;

import org.layerlab.engine.Tensor;

/**
 * A per-feature affine transform x' = (x − offset) / scale, computed on training samples only and
 * kept with the project so predictions see the same transform.
 */
public record Normalization(Kind kind, float[] offset, float[] scale) {
    /** How features are scaled. */
    public enum Kind { NONE, STANDARDIZE, MIN_MAX }

    /** Statistics of the given training rows of a flat feature array. */
    public static Normalization fit(Kind kind, float[] features, int featureCount, int[] rows) {
        Sums sums = new Sums(featureCount);
        if (kind != Kind.NONE) {
            for (int r : rows) {
                sums.add(features, r * featureCount);
            }
        }
        return sums.finish(kind);
    }

    /** Statistics of the given training rows of any dataset, read a chunk at a time (for data on disk). */
    public static Normalization fit(Kind kind, Dataset data, int[] rows) {
        int f = data.featureShape().size();
        Sums sums = new Sums(f);
        if (kind != Kind.NONE) {
            int chunk = 1024;
            Tensor x = Tensor.ofBatch(chunk, data.featureShape());
            Tensor y = Tensor.zeros(chunk, data.targetWidth());
            for (int from = 0; from < rows.length; from += chunk) {
                int to = Math.min(rows.length, from + chunk);
                data.gather(rows, from, to, x, y);
                for (int r = 0; r < to - from; r++) {
                    sums.add(x.data(), r * f);
                }
            }
        }
        return sums.finish(kind);
    }

    /** Running sums per feature. */
    private static final class Sums {
        final double[] sum;
        final double[] sq;
        final double[] min;
        final double[] max;
        long count;

        Sums(int f) {
            sum = new double[f];
            sq = new double[f];
            min = new double[f];
            max = new double[f];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        void add(float[] row, int at) {
            for (int j = 0; j < sum.length; j++) {
                double v = row[at + j];
                sum[j] += v;
                sq[j] += v * v;
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
            count++;
        }

        Normalization finish(Kind kind) {
            int f = sum.length;
            float[] offset = new float[f];
            float[] scale = new float[f];
            Arrays.fill(scale, 1f);
            if (kind == Kind.NONE || count == 0) {
                return new Normalization(kind, offset, scale);
            }
            for (int j = 0; j < f; j++) {
                if (kind == Kind.STANDARDIZE) {
                    double mean = sum[j] / count;
                    double std = Math.sqrt(Math.max(0, sq[j] / count - mean * mean));
                    offset[j] = (float) mean;
                    // A constant feature keeps scale 1, so it maps to 0 instead of dividing by zero.
                    scale[j] = std > 1e-12 ? (float) std : 1f;
                } else {
                    offset[j] = (float) min[j];
                    scale[j] = max[j] - min[j] > 1e-12 ? (float) (max[j] - min[j]) : 1f;
                }
            }
            return new Normalization(kind, offset, scale);
        }
    }

    /** Transforms every row of a flat feature array in place. */
    public void applyInPlace(float[] features) {
        int f = offset.length;
        for (int i = 0; i < features.length; i++) {
            int c = i % f;
            features[i] = (features[i] - offset[c]) / scale[c];
        }
    }

    /** Normalizes the training rows' statistics into a copy of the dataset (whose targets are shared). */
    public static ArrayDataset fitAndApply(ArrayDataset data, Kind kind, int[] trainRows) {
        int f = data.featureShape().size();
        Normalization n = fit(kind, data.featureValues(), f, trainRows);
        float[] copy = data.featureValues().clone();
        n.applyInPlace(copy);
        return new ArrayDataset(copy, data.featureShape(), data.targetValues(), data.targetWidth(), data.classNames())
                .withFeatureNames(data.featureNames());
    }
}
