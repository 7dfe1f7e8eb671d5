package org.layerlab.nn;

import org.layerlab.engine.Tensor;

/**
 * One trainable tensor of a layer, named as Keras names it ("kernel", "bias"), with its gradient
 * buffer of the same shape and the penalty applied to it.
 */
public final class Parameter {
    private final String nodeId;
    private final String name;
    private final Tensor value;
    private final Tensor grad;
    private final Regularizer regularizer;
    private final boolean trainable;

    public Parameter(String nodeId, String name, Tensor value, Regularizer regularizer) {
        this(nodeId, name, value, regularizer, true);
    }

    /** A non-trainable parameter is state such as batch norm's moving mean: saved, never optimized. */
    public Parameter(String nodeId, String name, Tensor value, Regularizer regularizer, boolean trainable) {
        this.trainable = trainable;
        this.nodeId = nodeId;
        this.name = name;
        this.value = value;
        this.grad = trainable ? Tensor.zeros(value.dims()) : null;
        this.regularizer = regularizer == null ? Regularizer.NONE : regularizer;
    }

    public String nodeId() {
        return nodeId;
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    public Tensor grad() {
        return grad;
    }

    public Regularizer regularizer() {
        return regularizer;
    }

    public boolean trainable() {
        return trainable;
    }

    public int size() {
        return value.size();
    }

    @Override
    public String toString() {
        return nodeId + "/" + name + value.shapeString();
    }
}
