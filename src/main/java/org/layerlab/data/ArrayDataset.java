package org.layerlab.data;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

/** A dataset held in memory as float arrays: features (N, shape), targets (N, width). */
public final class ArrayDataset implements Dataset {
    private final float[] features;
    private final float[] targets;
    private final Shape featureShape;
    private final int targetWidth;
    private final int size;
    private final List<String> classNames;
    /** Set only while building a named copy, never changed after. */
    private List<String> featureNames = List.of();

    public ArrayDataset(float[] features, Shape featureShape, float[] targets, int targetWidth, List<String> classNames) {
        int per = featureShape.size();
        if (features.length % per != 0) {
            throw new IllegalArgumentException(features.length + " feature values do not divide into samples of " + featureShape);
        }
        this.size = features.length / per;
        if (targets.length != (long) size * targetWidth) {
            throw new IllegalArgumentException(size + " samples need " + (long) size * targetWidth
                    + " target values but " + targets.length + " were given");
        }
        this.features = features;
        this.targets = targets;
        this.featureShape = featureShape;
        this.targetWidth = targetWidth;
        this.classNames = List.copyOf(classNames);
        if (!this.classNames.isEmpty()) {
            for (int i = 0; i < size; i++) {
                float t = targets[i * targetWidth];
                if (t != (int) t || t < 0 || t >= this.classNames.size()) {
                    throw new IllegalArgumentException("sample " + i + " has class " + t + " but there are only "
                            + this.classNames.size() + " classes");
                }
            }
        }
    }

    /** Regression or multi-output data from rows of features and one target per row. */
    public static ArrayDataset regression(float[][] x, float[] y) {
        int f = x[0].length;
        float[] flat = new float[x.length * f];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * f, f);
        }
        return new ArrayDataset(flat, Shape.of(f), y.clone(), 1, List.of());
    }

    /** Classification data from rows of features and class indices. */
    public static ArrayDataset classification(float[][] x, int[] labels, List<String> classNames) {
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        int f = x[0].length;
        float[] flat = new float[x.length * f];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * f, f);
        }
        return new ArrayDataset(flat, Shape.of(f), y, 1, classNames);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Shape featureShape() {
        return featureShape;
    }

    @Override
    public int targetWidth() {
        return targetWidth;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public float target(int i) {
        return targets[i * targetWidth];
    }

    /** The same data (sharing its arrays) with a name for each feature value. */
    public ArrayDataset withFeatureNames(List<String> names) {
        if (!names.isEmpty() && names.size() != featureShape.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + featureShape.size() + " features");
        }
        ArrayDataset named = new ArrayDataset(features, featureShape, targets, targetWidth, classNames);
        named.featureNames = List.copyOf(names);
        return named;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    /** The feature values of all samples, row-major; the array itself, not a copy. */
    public float[] featureValues() {
        return features;
    }

    public float[] targetValues() {
        return targets;
    }

    @Override
    public void gather(int[] order, int from, int to, Tensor x, Tensor y) {
        int n = to - from;
        x.setBatch(n);
        y.setBatch(n);
        int per = featureShape.size();
        float[] xd = x.data();
        float[] yd = y.data();
        for (int r = 0; r < n; r++) {
            int i = order[from + r];
            System.arraycopy(features, i * per, xd, r * per, per);
            System.arraycopy(targets, i * targetWidth, yd, r * targetWidth, targetWidth);
        }
    }
}
