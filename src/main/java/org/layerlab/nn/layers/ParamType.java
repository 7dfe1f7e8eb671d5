package org.layerlab.nn.layers;

import org.layerlab.engine.Shape;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Edges;
import org.layerlab.nn.Ends;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Regularizer;
import org.layerlab.nn.Size2;

/**
 * What a layer option holds. The file codec and the inspector choose their encoding and editor
 * from it, so a new kind needs no code in either as long as its options use these types.
 */
public enum ParamType {
    INT(Integer.class),
    FLOAT(Double.class),
    BOOL(Boolean.class),
    /** One of a fixed list of words (e.g. merge_mode); the param's {@code choices}. */
    CHOICE(String.class),
    /** (height, width); written as [h, w], read from one number or a pair. */
    SIZE2(Size2.class),
    SHAPE(Shape.class),
    PADDING(Padding.class),
    /** ((top, bottom), (left, right)) rows and columns; read from one number, a pair or the nested pairs. */
    EDGES(Edges.class),
    /** (start, end) steps of a sequence; written as [start, end], read from one number or a pair. */
    ENDS(Ends.class),
    ACTIVATION(Activation.class),
    INITIALIZER(Initializer.class),
    REGULARIZER(Regularizer.class);

    private final Class<?> valueType;

    ParamType(Class<?> valueType) {
        this.valueType = valueType;
    }

    /** The Java type of a value of this kind (boxed for the primitives). */
    public Class<?> valueType() {
        return valueType;
    }
}
