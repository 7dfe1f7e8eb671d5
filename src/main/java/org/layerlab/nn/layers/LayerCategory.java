package org.layerlab.nn.layers;

/** The palette's groups, in the order it shows them. */
public enum LayerCategory {
    CORE("Core"),
    ACTIVATIONS("Activations"),
    CONVOLUTION("Convolution"),
    POOLING("Pooling"),
    SEQUENCE("Sequence"),
    NORMALIZATION("Normalization"),
    REGULARIZATION("Regularization"),
    MERGE("Merge"),
    RESHAPE("Reshape"),
    GENERATIVE("Generative");

    private final String title;

    LayerCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
