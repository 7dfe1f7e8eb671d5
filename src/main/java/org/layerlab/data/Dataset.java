package org.layerlab.data;

import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

/**
 * Samples with targets. Features have a per-sample shape; targets are one value per sample
 * (a class index, or a regression value) or a vector (several regression outputs, one-hot rows).
 */
public interface Dataset {
    int size();

    Shape featureShape();

    /** Values per target row: 1 for a class index or a single regression value. */
    int targetWidth();

    /** Class names in index order for classification data; empty for regression. */
    List<String> classNames();

    /** Names of the features for tables ("age", "color=red"); empty when they have none (images). */
    default List<String> featureNames() {
        return List.of();
    }

    /** The data without random augmentation, for statistics and previews that must not vary. */
    default Dataset original() {
        return this;
    }

    default boolean isClassification() {
        return !classNames().isEmpty();
    }

    /**
     * Copies samples order[from..to) into x (N, features) and y (N, targetWidth), setting their
     * batch dimension to to − from.
     */
    void gather(int[] order, int from, int to, Tensor x, Tensor y);

    /** The class index (or first target value) of sample i. */
    float target(int i);

    /** A view of the given samples of this dataset, in that order. */
    default Dataset subset(int[] indices) {
        return new SubsetDataset(this, indices);
    }
}
