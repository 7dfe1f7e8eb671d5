package org.layerlab.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.Exporter;
import org.layerlab.export.core.Identifiers;
import org.layerlab.export.core.SafeTensors;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerKinds;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.network.Network;
import org.layerlab.project.LayerCodec;
import org.layerlab.project.LayerKindCases;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectException;
import org.layerlab.project.ProjectFiles;
import org.layerlab.training.TrainingConfig;

/**
 * The networks every exporter's round trip runs: each layer kind's palette example, the options
 * that change a translation, padding masks, and every sample, each with an input batch. Random
 * weights for the small ones, so nothing hides behind a zero bias or a fresh moving variance.
 */
public final class ExportCases {
    private static final int BATCH = 3;

    /** One network to export and the input to compare on. */
    public record Case(String title, Project project, Tensor input) {
        @Override
        public String toString() {
            return title;
        }
    }

    private ExportCases() {
    }

    public static Stream<Case> all() {
        return Stream.of(kinds(), variants(), masked(), samples()).flatMap(s -> s);
    }

    public static Stream<Case> kinds() {
        return LayerKinds.all().stream().filter(k -> k.type() != Input.class).map(ExportCases::kind);
    }

    private static Case kind(LayerKind kind) {
        LayerKindCases.Case c = LayerKindCases.CASES.get(kind.name());
        Project p = project(LayerKindCases.graphAround(kind.example(), c.inputs()));
        return new Case(kind.name(), p, c.input(new Random(2), batched(c.inputs().get(0))));
    }

    /** Options that change a translation: padding, strides, dilation, directions, merges, heads, activations. */
    public static Stream<Case> variants() {
        return Stream.of(
                variant("Conv2D", "{filters: 3, kernel_size: [3, 2], strides: [2, 1], padding: 'same', activation: 'tanh'}", 7, 6, 2),
                variant("Conv2D", "{filters: 2, kernel_size: [3, 3], dilation_rate: [2, 2], use_bias: false}", 7, 7, 1),
                variant("Conv2D", "{filters: 2, kernel_size: [3, 3], padding: 'same'}", 5, 5, 2),
                // A DCGAN discriminator's: an even kernel over stride 2, padded one more at the bottom when odd.
                variant("Conv2D", "{filters: 2, kernel_size: [4, 4], strides: [2, 2], padding: 'same'}", 8, 8, 2),
                variant("Conv2D", "{filters: 3, kernel_size: [4, 4], strides: [2, 2], padding: 'same'}", 7, 7, 1),
                variant("MaxPooling2D", "{pool_size: [3, 3], strides: [2, 2], padding: 'same'}", 7, 6, 2),
                variant("UpSampling2D", "{size: [2, 3], interpolation: 'bilinear'}", 3, 4, 2),
                variant("UpSampling2D", "{size: [3, 2]}", 2, 3, 1),
                variant("Conv2DTranspose", "{filters: 3, kernel_size: [3, 3], strides: [2, 2], padding: 'same'}", 3, 4, 2),
                variant("Conv2DTranspose", "{filters: 2, kernel_size: [4, 3], strides: [2, 3], padding: 'same'}", 3, 2, 2),
                variant("Conv2DTranspose", "{filters: 2, kernel_size: [3, 2], strides: [2, 2], use_bias: false}", 3, 3, 1),
                variant("Conv2DTranspose", "{filters: 2, kernel_size: [1, 1], strides: [3, 2]}", 2, 2, 2),
                variant("ZeroPadding2D", "{padding: [[0, 2], [1, 3]]}", 2, 3, 2),
                variant("Cropping2D", "{cropping: [[1, 0], [2, 1]]}", 4, 5, 2),
                variant("Cropping2D", "{cropping: [1, 2]}", 4, 5, 1),
                variant("Cropping1D", "{cropping: [4, 0]}", 5, 3),
                variant("Cropping1D", "{cropping: 2}", 6, 2),
                variant("AveragePooling2D", "{pool_size: [3, 3], strides: [2, 2], padding: 'same'}", 7, 6, 2),
                variant("Conv1D", "{filters: 3, kernel_size: 3, padding: 'same', strides: 2}", 9, 2),
                variant("Conv1D", "{filters: 3, kernel_size: 3, padding: 'causal', dilation_rate: 2, activation: 'gelu'}", 9, 2),
                variant("MaxPooling1D", "{pool_size: 3, strides: 2, padding: 'same'}", 8, 3),
                variant("AveragePooling1D", "{pool_size: 3, strides: 2, padding: 'same'}", 8, 3),
                variant("Dense", "{units: 4, activation: 'swish'}", 5, 3),
                variant("Concatenate", "{axis: 1}", 2, 3),
                variant("LSTM", "{units: 5, return_sequences: true, go_backwards: true}", 6, 3),
                variant("LSTM", "{units: 4, go_backwards: true, use_bias: false}", 6, 3),
                variant("GRU", "{units: 5, return_sequences: true, go_backwards: true}", 6, 3),
                // Training-only options: the exports must carry or name them and still agree in inference.
                variant("LSTM", "{units: 4, dropout: 0.2, recurrent_dropout: 0.3}", 6, 3),
                variant("GRU", "{units: 4, recurrent_dropout: 0.25}", 6, 3),
                variant("SimpleRNN", "{units: 4, return_sequences: true, activation: 'relu'}", 6, 3),
                variant("Bidirectional", "{layer: 'LSTM', units: 3, return_sequences: true}", 5, 2),
                variant("Bidirectional", "{layer: 'GRU', units: 3, merge_mode: 'sum'}", 5, 2),
                variant("Bidirectional", "{layer: 'SimpleRNN', units: 3, merge_mode: 'mul', return_sequences: true}", 5, 2),
                variant("Bidirectional", "{layer: 'LSTM', units: 3, merge_mode: 'ave'}", 5, 2),
                variant("MultiHeadAttention", "{num_heads: 3, key_dim: 2, value_dim: 4, use_causal_mask: true}", 5, 6),
                variant("MultiHeadAttention", "{num_heads: 2, key_dim: 3, use_bias: false, output_shape: 7}", 4, 5),
                variant("BatchNormalization", "{center: false, scale: false, epsilon: 0.01}", 4, 3),
                variant("ELU", "{alpha: 0.5}", 6),
                variant("Activation", "{activation: 'hard_silu'}", 6),
                variant("Activation", "{activation: 'hard_sigmoid'}", 6),
                variant("Activation", "{activation: 'mish'}", 6),
                variant("Activation", "{activation: 'relu6'}", 6),
                variant("Activation", "{activation: 'log_softmax'}", 6),
                variant("Activation", "{activation: 'selu'}", 6),
                variant("Activation", "{activation: 'celu'}", 6),
                variant("Activation", "{activation: 'softsign'}", 6),
                variant("Activation", "{activation: 'exponential'}", 6));
    }

    private static Case variant(String kind, String options, int... inputDims) {
        LayerSpec spec = LayerCodec.decode(kind, obj(options), "$.params");
        Shape in = Shape.of(inputDims);
        List<Shape> inputs = spec.minInputs() == 2 ? List.of(in, in) : List.of(in);
        Project p = project(LayerKindCases.graphAround(spec, inputs));
        return new Case(kind + " " + options, p, LayerKindCases.Case.of(inputDims).input(new Random(4), batched(in)));
    }

    /**
     * Padding (id 0) at the end of some rows and none in one, into self-attention and pooling; and
     * the same network on a row of padding only, which LayerLab averages to zeros.
     */
    public static Stream<Case> masked() {
        NetworkGraph g = chain(new Input(Shape.of(6)),
                LayerCodec.decode("Embedding", obj("{input_dim: 20, output_dim: 4, mask_zero: true}"), "$"),
                LayerCodec.decode("MultiHeadAttention", obj("{num_heads: 2, key_dim: 3}"), "$"),
                LayerCodec.decode("GlobalAveragePooling1D", new JsonObject(), "$"),
                LayerCodec.decode("Dense", obj("{units: 2, activation: 'softmax'}"), "$"));
        float[] ids = {3, 7, 1, 0, 0, 0, 5, 2, 9, 11, 4, 8, 19, 6, 0, 0, 0, 0};
        float[] empty = {3, 7, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        return Stream.of(new Case("masked text", project(g), Tensor.wrap(ids, 3, 6)),
                new Case(PADDING_ONLY, project(g), Tensor.wrap(empty, 2, 6)),
                new Case("masked cross-attention", project(crossAttention()), Tensor.wrap(ids.clone(), 3, 6)));
    }

    /** Embedding(mask_zero) → a Dense branch as the query, the embedding itself as the value → mean over real steps. */
    public static NetworkGraph crossAttention() {
        return NetworkGraph.empty()
                .withNode(new GraphNode("in", "in", new Input(Shape.of(6)), 0, 0))
                .withNode(new GraphNode("emb", "emb", LayerCodec.decode("Embedding",
                        obj("{input_dim: 20, output_dim: 4, mask_zero: true}"), "$"), 0, 100))
                .withNode(new GraphNode("q", "q", LayerCodec.decode("Dense", obj("{units: 5}"), "$"), 0, 200))
                .withNode(new GraphNode("att", "att", LayerCodec.decode("MultiHeadAttention",
                        obj("{num_heads: 2, key_dim: 3}"), "$"), 0, 300))
                .withNode(new GraphNode("pool", "pool", LayerCodec.decode("GlobalAveragePooling1D", new JsonObject(), "$"),
                        0, 400))
                .withEdge(new GraphEdge("in", "emb", 0)).withEdge(new GraphEdge("emb", "q", 0))
                .withEdge(new GraphEdge("q", "att", 0)).withEdge(new GraphEdge("emb", "att", 1))
                .withEdge(new GraphEdge("att", "pool", 0));
    }

    /**
     * Padding reaching recurrent layers (Keras keeps the state over it; ONNX and PyTorch exports
     * refuse these, so only the Keras round trip runs them, against Keras' own masking).
     */
    public static Stream<Case> maskedRecurrent() {
        float[] ids = {3, 7, 1, 0, 0, 0, 5, 2, 9, 11, 4, 8, 19, 6, 0, 0, 0, 0};
        NetworkGraph lstm = chain(new Input(Shape.of(6)),
                LayerCodec.decode("Embedding", obj("{input_dim: 20, output_dim: 4, mask_zero: true}"), "$"),
                LayerCodec.decode("LSTM", obj("{units: 3, return_sequences: true}"), "$"),
                LayerCodec.decode("GRU", obj("{units: 3, go_backwards: true}"), "$"));
        NetworkGraph bidirectional = chain(new Input(Shape.of(6)),
                LayerCodec.decode("Embedding", obj("{input_dim: 20, output_dim: 4, mask_zero: true}"), "$"),
                LayerCodec.decode("Bidirectional", obj("{layer: 'LSTM', units: 3, return_sequences: true}"), "$"),
                LayerCodec.decode("Bidirectional", obj("{layer: 'GRU', units: 2, merge_mode: 'sum'}"), "$"));
        return Stream.of(new Case("masked LSTM then GRU backwards", project(lstm), Tensor.wrap(ids, 3, 6)),
                new Case("masked Bidirectional", project(bidirectional), Tensor.wrap(ids.clone(), 3, 6)));
    }

    /** The title of the case with a row of padding only. */
    public static final String PADDING_ONLY = "masked text, a row of padding only";

    /**
     * Every sample with its own starting weights: random ones of the size used above make a
     * 128-unit LSTM chaotic over 40 steps, where rounding differences grow past any tolerance.
     */
    public static Stream<Case> samples() {
        List<Case> out = new ArrayList<>();
        for (Path file : sampleFiles()) {
            try {
                Project p = ProjectFiles.load(file);
                Shape in = ((Input) p.graph().nodes().stream().filter(n -> n.spec() instanceof Input).findFirst()
                        .orElseThrow().spec()).shape();
                int vocabulary = p.graph().nodes().stream()
                        .map(n -> LayerKinds.of(n.spec()).values(n.spec()).get("input_dim"))
                        .filter(v -> v instanceof Integer).map(v -> (Integer) v).findFirst().orElse(0);
                Tensor x = vocabulary > 0 ? LayerKindCases.Case.ids(vocabulary, in.dims()).input(new Random(5), batched(in))
                        : LayerKindCases.Case.of(in.dims()).input(new Random(5), batched(in));
                out.add(new Case(file.getFileName().toString(), p, x));
            } catch (ProjectException e) {
                throw new IllegalStateException(file + " does not load: " + e.getMessage(), e);
            }
        }
        return out.stream();
    }

    /**
     * Writes the case's export into root/(case) with check.safetensors beside it: the input x and
     * LayerLab's output y, which the format's Python check (src/test/python) compares against.
     */
    public static Path writeWithExpected(Exporter exporter, Case c, Path root) throws IOException {
        Path dir = root.resolve(Identifiers.clean(c.title()) + "_" + Integer.toHexString(c.title().hashCode()));
        Path main = exporter.export(c.project(), "model", Path.of("samples"), dir);
        Tensor expected = ExportPlan.of(c.project()).network().predict(c.input());
        new SafeTensors().put("x", c.input()).put("y", expected).meta("case", c.title()).write(dir.resolve("check.safetensors"));
        return main;
    }

    public static List<Path> sampleFiles() {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.filter(f -> f.toString().endsWith(ProjectFiles.EXTENSION)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A layer name written to break out of generated code, a string and a file name. */
    public static final String HOSTILE = "x\"); import os; os.system(\"rm -rf ~\")  #";

    /** Input(3) → Dense(2) named {@link #HOSTILE}. */
    public static NetworkGraph hostileGraph() {
        return NetworkGraph.empty().withNode(new GraphNode("in", "in", new Input(Shape.of(3)), 0, 0))
                .withNode(new GraphNode("d", HOSTILE, LayerCodec.decode("Dense", obj("{units: 2}"), "$"), 0, 0))
                .withEdge(new GraphEdge("in", "d", 0));
    }

    public static JsonObject obj(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    public static NetworkGraph chain(LayerSpec... specs) {
        NetworkGraph g = NetworkGraph.empty();
        for (int i = 0; i < specs.length; i++) {
            g = g.withNode(new GraphNode("n" + i, "n" + i, specs[i], 0, 0));
            if (i > 0) {
                g = g.withEdge(new GraphEdge("n" + (i - 1), "n" + i, 0));
            }
        }
        return g;
    }

    /** A project around the graph with every weight drawn at random (variances positive). */
    public static Project project(NetworkGraph g) {
        ParameterStore store = new ParameterStore(7);
        Network.compile(GraphAnalysis.of(g).plan(), store);
        Random rng = new Random(7);
        for (Parameter param : store.all()) {
            float[] v = param.value().data();
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (param.name().endsWith("variance") ? 0.5 + rng.nextDouble() : rng.nextGaussian() * 0.5);
            }
        }
        return new Project("export check", g, TrainingConfig.of(Loss.MSE, 1), null, null, store);
    }

    private static int[] batched(Shape s) {
        int[] dims = new int[s.rank() + 1];
        dims[0] = BATCH;
        System.arraycopy(s.dims(), 0, dims, 1, s.rank());
        return dims;
    }
}
