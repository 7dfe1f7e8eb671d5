package org.layerlab.project;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.ActivationLayer;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerSpec;

/**
 * For each layer kind, the inputs its palette example is tried on, and the small graph around a
 * layer that the tests build (EveryLayerKindTest, the exporters' round trips). A kind added without
 * an entry in {@link #CASES} fails EveryLayerKindTest.
 */
public final class LayerKindCases {
    private LayerKindCases() {
    }

    /** The input shapes each kind's palette example is tried on; training=false for layers that draw random masks. */
    public record Case(List<Shape> inputs, boolean training, int ids) {
        public static Case of(int... dims) {
            return new Case(List.of(Shape.of(dims)), true, 0);
        }

        public static Case twice(int... dims) {
            return new Case(List.of(Shape.of(dims), Shape.of(dims)), true, 0);
        }

        /** Token ids in [0, vocabulary) as input, which get no gradient. */
        public static Case ids(int vocabulary, int... dims) {
            return new Case(List.of(Shape.of(dims)), true, vocabulary);
        }

        public Case inference() {
            return new Case(inputs, false, ids);
        }

        public Tensor input(Random rng, int... dims) {
            Tensor x = GradCheck.random(rng, 1, dims);
            if (ids > 0) {
                for (int i = 0; i < x.size(); i++) {
                    x.data()[i] = rng.nextInt(ids);
                }
            }
            return x;
        }
    }

    public static final Map<String, Case> CASES = Map.ofEntries(
            Map.entry("Input", new Case(List.of(), true, 0)),
            Map.entry("Dense", Case.of(5)),
            Map.entry("Activation", Case.of(3, 4)),
            Map.entry("LeakyReLU", Case.of(2, 5)),
            Map.entry("ELU", Case.of(7)),
            Map.entry("PReLU", Case.of(3, 2)),
            Map.entry("Dropout", Case.of(6).inference()),
            Map.entry("Conv2D", Case.of(5, 5, 2)),
            Map.entry("MaxPooling2D", Case.of(4, 4, 2)),
            Map.entry("AveragePooling2D", Case.of(4, 4, 2)),
            Map.entry("GlobalAveragePooling2D", Case.of(3, 3, 2)),
            Map.entry("GlobalMaxPooling2D", Case.of(3, 3, 2)),
            Map.entry("Flatten", Case.of(2, 3, 2)),
            Map.entry("Reshape", Case.of(784)),
            Map.entry("BatchNormalization", Case.of(3, 3, 2)),
            Map.entry("LayerNormalization", Case.of(6)),
            Map.entry("SpatialDropout2D", Case.of(3, 3, 2).inference()),
            Map.entry("Add", Case.twice(4)),
            Map.entry("Subtract", Case.twice(4)),
            Map.entry("Multiply", Case.twice(4)),
            Map.entry("Average", Case.twice(4)),
            Map.entry("Concatenate", Case.twice(2, 3)),
            Map.entry("Embedding", Case.ids(1000, 4)),
            Map.entry("SimpleRNN", Case.of(4, 3)),
            Map.entry("LSTM", Case.of(4, 3)),
            Map.entry("GRU", Case.of(4, 3)),
            Map.entry("GlobalAveragePooling1D", Case.of(5, 3)),
            Map.entry("GlobalMaxPooling1D", Case.of(5, 3)),
            Map.entry("MultiHeadAttention", Case.of(4, 6)),
            Map.entry("PositionalEmbedding", Case.ids(1000, 5)),
            Map.entry("Conv1D", Case.of(7, 2)),
            Map.entry("MaxPooling1D", Case.of(6, 3)),
            Map.entry("AveragePooling1D", Case.of(6, 3)),
            Map.entry("Bidirectional", Case.of(4, 3)),
            Map.entry("UpSampling2D", Case.of(3, 2, 2)),
            Map.entry("Conv2DTranspose", Case.of(3, 3, 2)),
            Map.entry("ZeroPadding2D", Case.of(2, 3, 2)),
            Map.entry("Cropping2D", Case.of(4, 5, 2)),
            Map.entry("Cropping1D", Case.of(5, 3)),
            // Inference: the output is z_mean and the check covers the KL term; SamplingTest checks the sample.
            Map.entry("Sampling", Case.twice(3).inference()),
            // The GAN seam passes its input on; GanTrainingTest checks what is particular to it.
            Map.entry("RealOrFake", Case.of(3, 3, 1)));

    /** Input → spec, or for several inputs Input → one linear Activation per branch → spec. */
    public static NetworkGraph graphAround(LayerSpec spec, List<Shape> inputs) {
        if (inputs.isEmpty()) {
            return NetworkGraph.empty().withNode(new GraphNode("in", "in", spec, 0, 0));
        }
        NetworkGraph g = NetworkGraph.empty().withNode(new GraphNode("in", "in", new Input(inputs.get(0)), 0, 0))
                .withNode(new GraphNode("layer", "layer", spec, 0, 0));
        if (inputs.size() == 1) {
            return g.withEdge(new GraphEdge("in", "layer", 0));
        }
        for (int i = 0; i < inputs.size(); i++) {
            g = g.withNode(new GraphNode("b" + i, "b" + i, new ActivationLayer("linear"), 0, 0))
                    .withEdge(new GraphEdge("in", "b" + i, 0))
                    .withEdge(new GraphEdge("b" + i, "layer", i));
        }
        return g;
    }
}
