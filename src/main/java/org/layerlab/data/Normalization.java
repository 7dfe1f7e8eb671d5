package org.layerlab.data;

import java.util.Arrays;

/**
 * A per-feature affine transform x' = (x − offset) / scale, computed on training samples only and
 * kept with the project so predictions see the same transform.
 */
public record Normalization(Kind kind, float[] offset, float[] scale) {
    /** How features are scaled. */
    public enum Kind { NONE, STANDARDIZE, MIN_MAX }

    /** Statistics of the given training rows of a flat feature array. */
    public static Normalization fit(Kind kind, float[] features, int featureCount, int[] rows) {
        float[] offset = new float[featureCount];
        float[] scale = new float[featureCount];
        Arrays.fill(scale, 1f);
        if (kind == Kind.NONE || rows.length == 0) {
            return new Normalization(kind, offset, scale);
        }
        for (int f = 0; f < featureCount; f++) {
            double sum = 0;
            double sq = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int r : rows) {
                double v = features[r * featureCount + f];
                sum += v;
                sq += v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (kind == Kind.STANDARDIZE) {
                double mean = sum / rows.length;
                double std = Math.sqrt(Math.max(0, sq / rows.length - mean * mean));
                offset[f] = (float) mean;
                // A constant feature keeps scale 1, so it maps to 0 instead of dividing by zero.
                scale[f] = std > 1e-12 ? (float) std : 1f;
            } else {
                offset[f] = (float) min;
                scale[f] = max - min > 1e-12 ? (float) (max - min) : 1f;
            }
        }
        return new Normalization(kind, offset, scale);
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
