package org.layerlab.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnxruntime.OrtException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerKinds;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.project.LayerCodec;
import org.layerlab.project.LayerKindCases;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.training.TrainingConfig;

/**
 * Every layer kind, the options that change a translation, and every sample go through ONNX and
 * come back from ONNX Runtime with LayerLab's outputs (random weights, so nothing hides behind a
 * zero bias or a fresh moving variance).
 */
class OnnxExportTest {
    private static final int BATCH = 3;

    static Stream<LayerKind> kinds() {
        return LayerKinds.all().stream().filter(k -> k.type() != Input.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void everyKindsPaletteExampleRunsInOnnxRuntimeAsInLayerLab(LayerKind kind) throws OrtException, IOException {
        LayerKindCases.Case c = LayerKindCases.CASES.get(kind.name());
        Project p = project(LayerKindCases.graphAround(kind.example(), c.inputs()));
        OnnxRuntimeCheck.agrees(p, c.input(new Random(2), batched(c.inputs().get(0))), kind.name());
    }

    /** Options that change the translation: padding, strides, directions, merges, masks, heads. */
    static Stream<Arguments> variants() {
        return Stream.of(
                variant("Conv2D", "{filters: 3, kernel_size: [3, 2], strides: [2, 1], padding: 'same', activation: 'tanh'}", 7, 6, 2),
                variant("Conv2D", "{filters: 2, kernel_size: [3, 3], dilation_rate: [2, 2], use_bias: false}", 7, 7, 1),
                variant("MaxPooling2D", "{pool_size: [3, 3], strides: [2, 2], padding: 'same'}", 7, 6, 2),
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
                variant("Activation", "{activation: 'mish'}", 6),
                variant("Activation", "{activation: 'relu6'}", 6),
                variant("Activation", "{activation: 'log_softmax'}", 6),
                variant("Activation", "{activation: 'selu'}", 6),
                variant("Activation", "{activation: 'celu'}", 6));
    }

    private static Arguments variant(String kind, String options, int... inputDims) {
        return Arguments.of(kind + " " + options, kind, options, inputDims);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void optionsThatChangeTheTranslationKeepTheOutputs(String title, String kind, String options, int[] inputDims)
            throws OrtException, IOException {
        JsonObject json = JsonParser.parseString(options).getAsJsonObject();
        LayerSpec spec = LayerCodec.decode(kind, json, "$.params");
        Shape in = Shape.of(inputDims);
        List<Shape> inputs = spec.minInputs() == 2 ? List.of(in, in) : List.of(in);
        Project p = project(LayerKindCases.graphAround(spec, inputs));
        Tensor x = LayerKindCases.Case.of(inputDims).input(new Random(4), batched(in));
        OnnxRuntimeCheck.agrees(p, x, title);
    }

    /** Padding (id 0) at the end of some rows, none in others, and a row of padding only. */
    @Test
    void paddingMasksReachPoolingAndSelfAttentionAsInLayerLab() throws OrtException, IOException {
        NetworkGraph g = chain(new Input(Shape.of(6)),
                LayerCodec.decode("Embedding", obj("{input_dim: 20, output_dim: 4, mask_zero: true}"), "$"),
                LayerCodec.decode("MultiHeadAttention", obj("{num_heads: 2, key_dim: 3}"), "$"),
                LayerCodec.decode("GlobalAveragePooling1D", new JsonObject(), "$"),
                LayerCodec.decode("Dense", obj("{units: 2, activation: 'softmax'}"), "$"));
        float[] ids = {3, 7, 1, 0, 0, 0, 5, 2, 9, 11, 4, 8, 0, 0, 0, 0, 0, 0, 19, 6, 0, 0, 0, 0};
        OnnxRuntimeCheck.agrees(project(g), Tensor.wrap(ids, 4, 6), "masked text");
    }

    @Test
    void aMaskReachingARecurrentLayerIsNamedBeforeExport() {
        NetworkGraph g = chain(new Input(Shape.of(6)),
                LayerCodec.decode("Embedding", obj("{input_dim: 20, output_dim: 4, mask_zero: true}"), "$"),
                LayerCodec.decode("LSTM", obj("{units: 3}"), "$"));
        List<String> problems = new OnnxExporter().problems(project(g));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("mask_zero"), problems.get(0));
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.filter(f -> f.toString().endsWith(ProjectFiles.EXTENSION)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleExportsAndRunsAsInLayerLab(Path file) throws Exception {
        // The sample's own starting weights: random ones of the size the kinds' checks use make a
        // 128-unit LSTM chaotic over 40 steps, where rounding differences grow past any tolerance.
        Project p = ProjectFiles.load(file);
        assertEquals(List.of(), new OnnxExporter().problems(p));
        Shape in = ((Input) p.graph().nodes().stream().filter(n -> n.spec() instanceof Input).findFirst().orElseThrow()
                .spec()).shape();
        int vocabulary = p.graph().nodes().stream().map(n -> LayerKinds.of(n.spec()).values(n.spec()).get("input_dim"))
                .filter(v -> v instanceof Integer).map(v -> (Integer) v).findFirst().orElse(0);
        Tensor x = vocabulary > 0 ? LayerKindCases.Case.ids(vocabulary, in.dims()).input(new Random(5), batched(in))
                : LayerKindCases.Case.of(in.dims()).input(new Random(5), batched(in));
        OnnxRuntimeCheck.agrees(p, x, file.getFileName().toString());
    }

    @Test
    void theFileCarriesProvenanceAndUserTextCannotEscapeItsName(@TempDir Path dir) throws IOException {
        String hostile = "x\"); import os; os.system(\"rm -rf ~\")  #";
        NetworkGraph g = NetworkGraph.empty().withNode(new GraphNode("in", "in", new Input(Shape.of(3)), 0, 0))
                .withNode(new GraphNode("d", hostile, LayerCodec.decode("Dense", obj("{units: 2}"), "$"), 0, 0))
                .withEdge(new GraphEdge("in", "d", 0));
        Project p = new Project(hostile, g, TrainingConfig.of(Loss.MSE, 1), null, null, null);
        Path file = new OnnxExporter().export(p, "../../etc/passwd", dir);
        assertEquals(dir, file.getParent());
        assertEquals("etc_passwd.onnx", file.getFileName().toString());
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(file));
        assertEquals("LayerLab", m.getProducerName());
        assertEquals(13, m.getOpsetImport(0).getVersion());
        assertEquals("input", m.getGraph().getInput(0).getName());
        assertEquals("batch", m.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals("output", m.getGraph().getOutput(0).getName());
        assertTrue(m.getGraph().getNodeList().stream().allMatch(n -> n.getName().matches("[A-Za-z0-9_/]+")),
                m.getGraph().getNodeList().toString());
        List<String> keys = m.getMetadataPropsList().stream().map(StringStringEntryProto::getKey).toList();
        assertTrue(keys.containsAll(List.of("layerlab_version", "project", "trained", "seed", "epochs_trained")), keys.toString());
    }

    private static JsonObject obj(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static NetworkGraph chain(LayerSpec... specs) {
        NetworkGraph g = NetworkGraph.empty();
        for (int i = 0; i < specs.length; i++) {
            g = g.withNode(new GraphNode("n" + i, "n" + i, specs[i], 0, 0));
            if (i > 0) {
                g = g.withEdge(new GraphEdge("n" + (i - 1), "n" + i, 0));
            }
        }
        return g;
    }

    private static Project project(NetworkGraph g) {
        Project p = new Project("onnx check", g, TrainingConfig.of(Loss.MSE, 1), null, null, null);
        return OnnxRuntimeCheck.withRandomWeights(p, 7);
    }

    private static int[] batched(Shape s) {
        int[] dims = new int[s.rank() + 1];
        dims[0] = BATCH;
        System.arraycopy(s.dims(), 0, dims, 1, s.rank());
        return dims;
    }
}
