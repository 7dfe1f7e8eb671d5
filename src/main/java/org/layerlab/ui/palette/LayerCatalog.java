package org.layerlab.ui.palette;

import java.util.List;
import java.util.function.Supplier;

import org.layerlab.engine.ops.Merge;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.ActivationLayer;
import org.layerlab.nn.layers.AveragePooling2D;
import org.layerlab.nn.layers.BatchNormalization;
import org.layerlab.nn.layers.Concatenate;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Dropout;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.GlobalAveragePooling2D;
import org.layerlab.nn.layers.GlobalMaxPooling2D;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerNormalization;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.layers.SpatialDropout2D;
import org.layerlab.nn.Activation;

/** Every layer the palette offers: its group, what it does in a sentence, its formula, and a default instance. */
public final class LayerCatalog {
    /** One palette entry. */
    public record Entry(String kind, String category, String description, String formula, Supplier<LayerSpec> create) {
    }

    public static final List<String> CATEGORIES = List.of("Core", "Convolution", "Pooling", "Normalization",
            "Regularization", "Merge", "Reshape");

    public static final List<Entry> ENTRIES = List.of(
            new Entry("Input", "Core", "Where data enters: the shape of one sample.", "x", () -> Input.of(784)),
            new Entry("Dense", "Core", "Every input connected to every unit: the basic learned layer.",
                    "y = f(x·W + b)", () -> new Dense(64, "relu")),
            new Entry("Activation", "Core", "Applies a function to each value.", "y = f(x)", () -> new ActivationLayer("relu")),
            new Entry("Conv2D", "Convolution", "Slides learned filters over an image; each filter finds one pattern.",
                    "y[i,j,f] = f(Σ x[i+u, j+v, c]·K[u,v,c,f] + b[f])", () -> new Conv2D(32, 3, "relu")),
            new Entry("MaxPooling2D", "Pooling", "Keeps the largest value of each window: smaller maps, some shift tolerance.",
                    "y[i,j,c] = max over the window of x", () -> new MaxPooling2D(2)),
            new Entry("AveragePooling2D", "Pooling", "Averages each window: smaller, smoother maps.",
                    "y[i,j,c] = mean over the window of x", () -> new AveragePooling2D(2)),
            new Entry("GlobalAveragePooling2D", "Pooling", "One value per channel: the mean over the whole image.",
                    "y[c] = mean over i,j of x[i,j,c]", GlobalAveragePooling2D::new),
            new Entry("GlobalMaxPooling2D", "Pooling", "One value per channel: the maximum over the whole image.",
                    "y[c] = max over i,j of x[i,j,c]", GlobalMaxPooling2D::new),
            new Entry("BatchNormalization", "Normalization",
                    "Normalizes each channel with batch statistics (moving averages at inference); speeds training.",
                    "y = γ·(x − μ)/√(σ² + ε) + β", BatchNormalization::new),
            new Entry("LayerNormalization", "Normalization", "Normalizes each sample over its features.",
                    "y = γ·(x − mean)/√(var + ε) + β", LayerNormalization::new),
            new Entry("Dropout", "Regularization", "While training, zeroes a share of values at random to fight overfitting.",
                    "y = x·m/(1 − rate), m ~ Bernoulli(1 − rate)", () -> new Dropout(0.5)),
            new Entry("SpatialDropout2D", "Regularization", "Drops whole feature maps while training.",
                    "y[..,c] = x[..,c]·m[c]/(1 − rate)", () -> new SpatialDropout2D(0.2)),
            new Entry("Add", "Merge", "Sums branches of the same shape (residual connections).", "y = a + b + …",
                    () -> new MergeLayer(Merge.Kind.ADD)),
            new Entry("Subtract", "Merge", "Difference of two branches.", "y = a − b", () -> new MergeLayer(Merge.Kind.SUBTRACT)),
            new Entry("Multiply", "Merge", "Elementwise product of branches (gating).", "y = a ⊙ b ⊙ …",
                    () -> new MergeLayer(Merge.Kind.MULTIPLY)),
            new Entry("Average", "Merge", "Mean of branches.", "y = (a + b + …)/n", () -> new MergeLayer(Merge.Kind.AVERAGE)),
            new Entry("Concatenate", "Merge", "Joins branches along the last axis (channels or features).",
                    "y = [a, b, …]", Concatenate::new),
            new Entry("Flatten", "Reshape", "Lays each sample out as one vector, e.g. before Dense.", "(h, w, c) → (h·w·c)",
                    Flatten::new),
            new Entry("Reshape", "Reshape", "Gives each sample a new shape with the same number of values.",
                    "(784) → (28, 28, 1)", () -> Reshape.of(28, 28, 1)));

    private LayerCatalog() {
    }

    public static Entry entry(String kind) {
        return ENTRIES.stream().filter(e -> e.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no palette entry for " + kind));
    }
}
