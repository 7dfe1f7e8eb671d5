package org.layerlab.ui.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.engine.ops.Merge;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Padding;
import org.layerlab.nn.graph.Architectures;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.ActivationLayer;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.GlobalAveragePooling2D;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.project.Project;
import org.layerlab.training.Metric;
import org.layerlab.training.TrainingConfig;

/** Starting points for File ▸ New: an empty project and common networks, dense to Transformer. */
final class Templates {
    private Templates() {
    }

    static Map<String, Project> all() {
        Map<String, Project> m = new LinkedHashMap<>();
        TrainingConfig classify = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 10).withMetrics(List.of(Metric.ACCURACY));
        m.put("Empty", new Project("Untitled", NetworkGraph.empty(), classify, null, List.of(), null));
        m.put("MLP classifier", new Project("MLP classifier", chain(Input.of(784), new Dense(128, "relu"),
                new Dense(10, "softmax")), classify, null, List.of(), null));
        m.put("Regression", new Project("Regression", chain(Input.of(13), new Dense(64, "relu"), new Dense(64, "relu"),
                new Dense(1)), TrainingConfig.of(Loss.MSE, 50), null, List.of(), null));
        m.put("CNN", new Project("CNN", chain(Input.of(28, 28, 1), new Conv2D(32, 3, "relu"), new MaxPooling2D(2),
                new Conv2D(64, 3, "relu"), new MaxPooling2D(2), new Flatten(), new Dense(64, "relu"), new Dense(10, "softmax")),
                classify, null, List.of(), null));
        NetworkGraph res = chain(Input.of(28, 28, 1), new Conv2D(32, 3, "relu").withPadding(Padding.SAME));
        res = res.withNode(new GraphNode("conv2d_1", "conv2d_1", new Conv2D(32, 3, "relu").withPadding(Padding.SAME), 240, 260))
                .withNode(new GraphNode("add", "add", new MergeLayer(Merge.Kind.ADD), 120, 370))
                .withNode(new GraphNode("activation", "activation", new ActivationLayer("relu"), 120, 480))
                .withNode(new GraphNode("globalaveragepooling2d", "globalaveragepooling2d", new GlobalAveragePooling2D(), 120, 590))
                .withNode(new GraphNode("dense", "dense", new Dense(10, "softmax"), 120, 700))
                .withEdge(new GraphEdge("conv2d", "conv2d_1", 0)).withEdge(new GraphEdge("conv2d", "add", 0))
                .withEdge(new GraphEdge("conv2d_1", "add", 1)).withEdge(new GraphEdge("add", "activation", 0))
                .withEdge(new GraphEdge("activation", "globalaveragepooling2d", 0))
                .withEdge(new GraphEdge("globalaveragepooling2d", "dense", 0));
        m.put("Residual CNN", new Project("Residual CNN", res, classify, null, List.of(), null));
        m.put("LSTM forecaster", new Project("LSTM forecaster", chain(Input.of(20, 1), new LSTM(32), new Dense(1)),
                TrainingConfig.of(Loss.MSE, 60).withMetrics(List.of(Metric.MAE)), null, List.of(), null));
        m.put("LSTM text classifier", new Project("LSTM text classifier", chain(Input.of(64), new Embedding(10_000, 32),
                new LSTM(32), new Dense(2, "softmax")), classify, null, List.of(), null));
        m.put("Transformer encoder", new Project("Transformer encoder", transformerEncoder(), classify, null, List.of(),
                null));
        // For next-token data (a corpus): 40 tokens in, the next one out; the vocabulary is set by the data.
        m.put("Transformer language model", new Project("Transformer language model",
                Architectures.transformerLanguageModel(40, 100, 64, 2, 32, 128, 2, 120), classify, null, List.of(), null));
        TrainingConfig reconstruct = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 10);
        m.put("Dense autoencoder", new Project("Dense autoencoder", Architectures.denseAutoencoder(32, 120), reconstruct,
                null, List.of(), null));
        m.put("Convolutional VAE", new Project("Convolutional VAE", Architectures.convolutionalVae(2, 0.0013, 120),
                reconstruct, null, List.of(), null));
        TrainingConfig gan = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 8).withBatchSize(64)
                .withOptimizer(OptimizerSpec.of("adam", 2e-4).with("beta_1", 0.5));
        m.put("DCGAN", new Project("DCGAN", Architectures.dcgan(64, 120), gan, null, List.of(), null));
        return m;
    }

    /** One encoder block as in the Keras text-classification example, drawn as its blocks. */
    static NetworkGraph transformerEncoder() {
        return Architectures.transformerClassifier(64, 10_000, 32, 2, 16, 64, 1, 2, 120);
    }

    static NetworkGraph chain(LayerSpec... layers) {
        NetworkGraph g = NetworkGraph.empty();
        String prev = null;
        for (int i = 0; i < layers.length; i++) {
            String id = g.newId(layers[i].kind());
            g = g.withNode(new GraphNode(id, id, layers[i], 120, 40 + 125 * i));
            if (prev != null) {
                g = g.withEdge(new GraphEdge(prev, id, 0));
            }
            prev = id;
        }
        return g;
    }
}
