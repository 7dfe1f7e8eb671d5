package org.layerlab.export.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.Shape;
import org.layerlab.export.ExportCases;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Input;
import org.layerlab.project.LayerCodec;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectException;
import org.layerlab.project.ProjectFiles;

/**
 * Writes the Keras export of every case with LayerLab's outputs beside it, into {@link #KEPT};
 * .ci/run runs src/test/python/check_keras.py over the folder in a virtual environment with Keras 3
 * on its torch backend, which builds each model, loads its weights, saves and reloads it as a
 * .keras file, and compares its predictions with LayerLab's.
 */
class KerasExportTest {
    static final Path KEPT = Path.of("target", "keras-exports");

    /**
     * Where Keras itself computes something else, the case is left out here (the ONNX and PyTorch
     * round trips keep it): a row of padding only is 0/0 = NaN in Keras' masked mean (LayerLab
     * gives zeros), and Keras 3's torch backend pads an uneven "same" average pooling by
     * repeating the edge values, which Keras on TensorFlow (and LayerLab) leave out of the mean.
     */
    static final Map<String, String> KERAS_DIFFERS = Map.of(
            ExportCases.PADDING_ONLY, "Keras' masked mean of no steps is NaN",
            "AveragePooling2D {pool_size: [3, 3], strides: [2, 2], padding: 'same'}", "torch backend pads by replication",
            "AveragePooling1D {pool_size: 3, strides: 2, padding: 'same'}", "torch backend pads by replication");

    /** Every case, and padding into recurrent layers, which Keras masks itself: LayerLab's masking checked against Keras'. */
    static Stream<ExportCases.Case> cases() {
        return Stream.concat(ExportCases.all(), ExportCases.maskedRecurrent())
                .filter(c -> !KERAS_DIFFERS.containsKey(c.title()));
    }

    @Test
    void theCasesLeftOutExist() {
        List<String> titles = ExportCases.all().map(ExportCases.Case::title).toList();
        assertTrue(titles.containsAll(KERAS_DIFFERS.keySet()), KERAS_DIFFERS.keySet() + " not in " + titles);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportsWithLayerLabsOutputsBesideIt(ExportCases.Case c) throws IOException {
        assertEquals(List.of(), new KerasExporter().problems(c.project()));
        Path script = ExportCases.writeWithExpected(new KerasExporter(), c, KEPT);
        String code = Files.readString(script);
        assertTrue(code.contains("def build_model():") && code.contains("def load_model("), code);
    }

    /** Keras finds weights in model.weights.h5 by class name in snake case, as its naming.to_snake_case makes it. */
    @Test
    void weightGroupsAreNamedAsKerasNamesThem() {
        assertEquals("input_layer", KerasFile.snake("InputLayer"));
        assertEquals("p_re_lu", KerasFile.snake("PReLU"));
        assertEquals("leaky_re_lu", KerasFile.snake("LeakyReLU"));
        assertEquals("global_average_pooling2d", KerasFile.snake("GlobalAveragePooling2D"));
        assertEquals("conv1d", KerasFile.snake("Conv1D"));
        assertEquals("multi_head_attention", KerasFile.snake("MultiHeadAttention"));
        assertEquals("lstm", KerasFile.snake("LSTM"));
    }

    /** Keras' model.layers: nearest the input first; the residual sample's two branches in the order Keras walks them. */
    @Test
    void layersAreOrderedAsKerasOrdersThem() throws Exception {
        ExportPlan plan = ExportPlan.of(ProjectFiles.load(Path.of("samples", "residual_digits.layerlab")));
        List<String> order = KerasFile.kerasOrder(plan).stream().map(s -> s.node().name()).toList();
        assertEquals(List.of("input", "reshape", "conv2d", "branch_a", "branch_b", "add", "activation",
                "globalaveragepooling2d", "dense"), order);
    }

    @Test
    void theKerasFileHoldsConfigMetadataAndWeights(@TempDir Path dir) throws IOException {
        new KerasExporter().export(load("xor"), "xor", dir, dir);
        try (ZipFile zip = new ZipFile(dir.resolve("model.keras").toFile())) {
            assertEquals(List.of("metadata.json", "config.json", "model.weights.h5"),
                    zip.stream().map(ZipEntry::getName).toList());
            JsonObject config = JsonParser.parseString(new String(zip.getInputStream(zip.getEntry("config.json"))
                    .readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            assertEquals("Functional", config.get("class_name").getAsString());
            assertEquals(3, config.getAsJsonObject("config").getAsJsonArray("layers").size());
        }
    }

    private static Project load(String sample) {
        try {
            return ProjectFiles.load(Path.of("samples", sample + ".layerlab"));
        } catch (ProjectException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void attentionDropoutGoesOutToKerasAndPyTorch(@TempDir Path out) throws IOException {
        NetworkGraph g = ExportCases.chain(new Input(Shape.of(6, 8)), new org.layerlab.nn.layers.MultiHeadAttention(2, 4)
                .withDropout(0.25), new org.layerlab.nn.layers.GlobalAveragePooling1D(),
                new org.layerlab.nn.layers.Dense(2, "softmax"));
        String keras = Files.readString(new KerasExporter().export(ExportCases.project(g), "m", out, out));
        assertTrue(keras.contains("layers.MultiHeadAttention(") && keras.contains("dropout=0.25"), keras);
        Path torch = out.resolve("torch");
        Files.createDirectories(torch);
        new org.layerlab.export.pytorch.PyTorchExporter().export(ExportCases.project(g), "m", torch, torch);
        String model = Files.readString(torch.resolve("model.py"));
        assertTrue(model.contains("causal=False, dropout=0.25)"), model);
        assertTrue(model.contains("torch.nn.functional.dropout(weights, self.dropout, self.training)"), model);
    }

    @Test
    void anActivationAlphaKerasCannotNameIsSaidBeforeExport() {
        NetworkGraph g = ExportCases.chain(new Input(Shape.of(3)),
                LayerCodec.decode("Dense", ExportCases.obj("{units: 2, activation: 'leaky_relu', alpha: 0.1}"), "$"));
        List<String> problems = new KerasExporter().problems(ExportCases.project(g));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("LeakyReLU"), problems.get(0));
    }

    @Test
    void aHostileLayerNameBecomesAHarmlessIdentifier(@TempDir Path dir) throws IOException {
        NetworkGraph g = ExportCases.hostileGraph();
        String code = Files.readString(new KerasExporter().export(ExportCases.project(g), "m", dir, dir));
        assertTrue(code.contains("x_import_os_os_system_rm_rf = layers.Dense(2, name=\"x_import_os_os_system_rm_rf\")(x)"),
                code);
        assertFalse(code.contains("rm -rf"), code);
    }
}
