package org.layerlab.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.layerlab.data.Tokenizer;
import org.layerlab.engine.ops.Merge;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Padding;
import org.layerlab.nn.graph.Architectures;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.ActivationLayer;
import org.layerlab.nn.layers.Bidirectional;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Dropout;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.GlobalAveragePooling2D;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.Embedding;
import org.layerlab.nn.layers.GlobalAveragePooling1D;
import org.layerlab.nn.layers.LSTM;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.layers.MergeLayer;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.training.Metric;
import org.layerlab.training.TrainingConfig;

/**
 * The bundled sample projects, defined in code. Not a test: {@code main} rewrites samples/*.layerlab
 * (run it after changing the format or a sample); SampleProjectsTest checks the files on disk.
 */
public final class SampleProjects {
    private SampleProjects() {
    }

    /** Sample file name → project. */
    public static Map<String, Project> all() {
        Map<String, Project> m = new LinkedHashMap<>();
        m.put("xor", new Project("XOR", chain(Input.of(2), new Dense(4, "tanh"), new Dense(1, "sigmoid")),
                cfg(Loss.BINARY_CROSSENTROPY, 300, 4, OptimizerSpec.of("adam", 0.05), List.of(Metric.ACCURACY)),
                csv("data/xor.csv", "xor", "classification", "none", 0), null, null));
        m.put("square", new Project("y = x² regression", chain(Input.of(1), new Dense(16, "tanh"), new Dense(16, "tanh"),
                new Dense(1)), cfg(Loss.MSE, 300, 20, OptimizerSpec.of("adam", 0.01), List.of(Metric.MAE)),
                csv("data/square.csv", "y", "regression", "none", 0), null, null));
        m.put("boston_housing", new Project("Boston housing MLP 13-10-1 (Harrison & Rubinfeld 1978; see data/SOURCES.md)",
                chain(Input.of(13), new Dense(10, "relu"), new Dense(1)),
                cfg(Loss.MSE, 100, 32, OptimizerSpec.of("sgd", 0.01), List.of(Metric.MAE)),
                csv("data/boston_housing.csv", "MEDV", "regression", "standardize", 0.2), null, null));
        m.put("iris", new Project("Iris species", chain(Input.of(4), new Dense(16, "relu"), new Dense(3, "softmax")),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 150, 16, OptimizerSpec.of("adam", 0.01), List.of(Metric.ACCURACY)),
                csv("data/iris.csv", "species", "classification", "standardize", 0.3), null, null));
        m.put("wine", new Project("Wine cultivars", chain(Input.of(13), new Dense(32, "relu"), new Dropout(0.2),
                new Dense(3, "softmax")),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 100, 16, OptimizerSpec.of("adam", 0.005), List.of(Metric.ACCURACY)),
                csv("data/wine.csv", "class", "classification", "standardize", 0.25), null, null));
        m.put("breast_cancer", new Project("Breast cancer diagnosis", chain(Input.of(30), new Dense(16, "relu"),
                new Dense(1, "sigmoid")),
                cfg(Loss.BINARY_CROSSENTROPY, 60, 32, OptimizerSpec.of("adam", 0.005), List.of(Metric.ACCURACY)),
                csv("data/breast_cancer.csv", "malignant_or_benign", "classification", "standardize", 0.25), null, null));
        m.put("digits_cnn", new Project("Handwritten digits 8×8, small CNN", chain(Input.of(64), Reshape.of(8, 8, 1),
                new Conv2D(16, 3, "relu").withPadding(Padding.SAME), new MaxPooling2D(2), new Conv2D(32, 3, "relu"),
                new Flatten(), new Dense(10, "softmax")),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 20, 32, OptimizerSpec.of("adam", 0.003), List.of(Metric.ACCURACY)),
                csv("data/digits_8x8.csv", "digit", "classification", "min_max", 0.2), null, null));
        m.put("fashion_cnn", new Project("Fashion-MNIST CNN (6000-image subset)", chain(Input.of(28, 28, 1),
                new Conv2D(32, 3, "relu"), new MaxPooling2D(2), new Conv2D(64, 3, "relu"), new MaxPooling2D(2),
                new Conv2D(64, 3, "relu"), new Flatten(), new Dense(64, "relu"), new Dense(10, "softmax")),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 5, 32, OptimizerSpec.of("adam", 0.001), List.of(Metric.ACCURACY)),
                new DatasetSource.Idx("data/fashion-mnist-small/train-images-idx3-ubyte.gz",
                        "data/fashion-mnist-small/train-labels-idx1-ubyte.gz",
                        "data/fashion-mnist-small/t10k-images-idx3-ubyte.gz",
                        "data/fashion-mnist-small/t10k-labels-idx1-ubyte.gz"), null, null));
        m.put("fashion_vae", new Project("Variational autoencoder on Fashion-MNIST (6000-image subset): a 2-D latent"
                + " space, the Keras example's network; β = 0.0013 ≈ 1/784 balances the KL term against the per-pixel loss",
                Architectures.convolutionalVae(2, 0.0013, 120),
                cfg(Loss.BINARY_CROSSENTROPY, 10, 64, OptimizerSpec.of("adam", 0.001), List.of()),
                new DatasetSource.Reconstruct(new DatasetSource.Idx("data/fashion-mnist-small/train-images-idx3-ubyte.gz",
                        "data/fashion-mnist-small/train-labels-idx1-ubyte.gz",
                        "data/fashion-mnist-small/t10k-images-idx3-ubyte.gz",
                        "data/fashion-mnist-small/t10k-labels-idx1-ubyte.gz")), null, null));
        m.put("fashion_gan", new Project("DCGAN on Fashion-MNIST (6000-image subset): a generator learns clothes from"
                + " noise against a discriminator that learns to tell them from real ones",
                Architectures.dcgan(64, 120),
                cfg(Loss.BINARY_CROSSENTROPY, 8, 64, OptimizerSpec.of("adam", 2e-4).with("beta_1", 0.5), List.of()),
                new DatasetSource.Idx("data/fashion-mnist-small/train-images-idx3-ubyte.gz",
                        "data/fashion-mnist-small/train-labels-idx1-ubyte.gz",
                        "data/fashion-mnist-small/t10k-images-idx3-ubyte.gz",
                        "data/fashion-mnist-small/t10k-labels-idx1-ubyte.gz"), null, null));
        m.put("residual_digits", new Project("Residual CNN: two Conv2D branches joined by Add", residual(),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 20, 32, OptimizerSpec.of("adam", 0.003), List.of(Metric.ACCURACY)),
                csv("data/digits_8x8.csv", "digit", "classification", "min_max", 0.2), null, null));
        m.put("sunspots_lstm", new Project("Sunspots: an LSTM forecasts next year's sunspot number from the last 20",
                chain(Input.of(20, 1), new LSTM(32), new Dense(1)),
                cfg(Loss.MSE, 60, 16, OptimizerSpec.of("adam", 0.005), List.of(Metric.MAE)),
                new DatasetSource.Windows("data/sunspots.csv", List.of(), "SUNACTIVITY", 20, 1, 1, 0.15, true, null, null),
                null, null));
        m.put("fortunes_text", new Project("Fortune cookies: computers, science or politics? Words → Embedding → mean → Dense",
                chain(Input.of(48), new Embedding(6000, 32).masked(), new GlobalAveragePooling1D(), new Dense(3, "softmax")),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 10, 32, OptimizerSpec.of("adam", 0.005), List.of(Metric.ACCURACY)),
                new DatasetSource.Text("data/fortunes.csv", "text", "category", Tokenizer.Level.WORDS, true, 6000, 48, 0.2,
                        42, null), null, null));
        m.put("fortunes_bilstm", new Project("Fortune cookies read both ways: words → Embedding → Bidirectional LSTM →"
                + " Dense (the Confusion tab shows which categories it mixes up)",
                chain(Input.of(48), new Embedding(6000, 32), new Bidirectional("LSTM", 32, false, "concat"),
                        new Dense(3, "softmax")),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 6, 32, OptimizerSpec.of("adam", 0.003), List.of(Metric.ACCURACY)),
                new DatasetSource.Text("data/fortunes.csv", "text", "category", Tokenizer.Level.WORDS, true, 6000, 48, 0.2,
                        42, null), null, null));
        m.put("fortunes_transformer", new Project("Fortune cookies with a Transformer encoder block (self-attention,"
                + " residuals, layer normalization)", Architectures.transformerClassifier(48, 6000, 32, 2, 16, 32, 1, 3, 240),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 5, 32, OptimizerSpec.of("adam", 0.002), List.of(Metric.ACCURACY)),
                new DatasetSource.Text("data/fortunes.csv", "text", "category", Tokenizer.Level.WORDS, true, 6000, 48, 0.2,
                        42, null), null, null));
        m.put("fortunes_char_lstm", new Project("A character-level LSTM learns to write science fortune cookies"
                + " (Samples tab: its text at three temperatures after each epoch)",
                chain(Input.of(40), new Embedding(93, 24), new LSTM(128), new Dense(93, "softmax")),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 8, 64, OptimizerSpec.of("adam", 0.003), List.of(Metric.ACCURACY)),
                new DatasetSource.Corpus("data/fortunes_science.txt", Tokenizer.Level.CHARACTERS, false, 200, 40, 3, 0.1,
                        null), null, null));
        m.put("fortunes_char_transformer", new Project("A small causal Transformer learns to write science fortune cookies,"
                + " on the same characters as the LSTM (Samples tab: its text after each epoch)",
                Architectures.transformerLanguageModel(40, 93, 64, 2, 32, 128, 2, 120),
                cfg(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 8, 64, OptimizerSpec.of("adam", 0.002), List.of(Metric.ACCURACY)),
                new DatasetSource.Corpus("data/fortunes_science.txt", Tokenizer.Level.CHARACTERS, false, 200, 40, 3, 0.1,
                        null), null, null));
        m.put("spirals", new Project("Two spirals", chain(Input.of(2), new Dense(16, "tanh"), new Dense(16, "tanh"),
                new Dense(1, "sigmoid")),
                cfg(Loss.BINARY_CROSSENTROPY, 300, 32, OptimizerSpec.of("adam", 0.01), List.of(Metric.ACCURACY)),
                new DatasetSource.Generated("spirals", 400, 0.02, 2, 7, 0.2), null, null));
        return m;
    }

    private static TrainingConfig cfg(Loss loss, int epochs, int batch, OptimizerSpec opt, List<Metric> metrics) {
        return new TrainingConfig(epochs, batch, opt, loss, metrics, 42, 0, true, null, null);
    }

    private static DatasetSource.Csv csv(String path, String target, String task, String norm, double test) {
        return new DatasetSource.Csv(path, target, task, norm, test, 42, null, null);
    }

    /** Layers one after another, laid out top to bottom. */
    static NetworkGraph chain(LayerSpec... layers) {
        NetworkGraph g = NetworkGraph.empty();
        String previous = null;
        for (int i = 0; i < layers.length; i++) {
            String id = g.newId(layers[i].kind());
            g = g.withNode(new GraphNode(id, id, layers[i], 240, 40 + 125 * i));
            if (previous != null) {
                g = g.withEdge(new GraphEdge(previous, id, 0));
            }
            previous = id;
        }
        return g;
    }

    private static NetworkGraph residual() {
        NetworkGraph g = chain(Input.of(64), Reshape.of(8, 8, 1), new Conv2D(16, 3, "relu").withPadding(Padding.SAME));
        g = g.withNode(new GraphNode("conv2d_1", "branch_a", new Conv2D(16, 3, "relu").withPadding(Padding.SAME), 100, 415))
                .withNode(new GraphNode("conv2d_2", "branch_b", new Conv2D(16, 1, "linear").withPadding(Padding.SAME), 380, 415))
                .withNode(new GraphNode("add", "add", new MergeLayer(Merge.Kind.ADD), 240, 540))
                .withNode(new GraphNode("activation", "activation", new ActivationLayer(Activation.RELU), 240, 665))
                .withNode(new GraphNode("globalaveragepooling2d", "globalaveragepooling2d", new GlobalAveragePooling2D(), 240, 790))
                .withNode(new GraphNode("dense", "dense", new Dense(10, "softmax"), 240, 915));
        return g.withEdge(new GraphEdge("conv2d", "conv2d_1", 0)).withEdge(new GraphEdge("conv2d", "conv2d_2", 0))
                .withEdge(new GraphEdge("conv2d_1", "add", 0)).withEdge(new GraphEdge("conv2d_2", "add", 1))
                .withEdge(new GraphEdge("add", "activation", 0))
                .withEdge(new GraphEdge("activation", "globalaveragepooling2d", 0))
                .withEdge(new GraphEdge("globalaveragepooling2d", "dense", 0));
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples");
        for (Map.Entry<String, Project> e : all().entrySet()) {
            ProjectFiles.save(e.getValue(), dir.resolve(e.getKey() + ProjectFiles.EXTENSION));
        }
    }
}
