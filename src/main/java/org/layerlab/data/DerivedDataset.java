package org.layerlab.data;

import java.util.List;

import org.layerlab.engine.Shape;

/** A dataset made from another one that keeps its sample shape, targets' form and names. */
abstract class DerivedDataset implements Dataset {
    protected final Dataset base;

    DerivedDataset(Dataset base) {
        this.base = base;
    }

    @Override
    public Shape featureShape() {
        return base.featureShape();
    }

    @Override
    public int targetWidth() {
        return base.targetWidth();
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public List<String> featureNames() {
        return base.featureNames();
    }
}
