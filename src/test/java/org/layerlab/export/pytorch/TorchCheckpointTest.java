package org.layerlab.export.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.export.ExportCases;
import org.layerlab.export.core.ExportPlan;
import org.layerlab.export.core.SafeTensors;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Input;
import org.layerlab.project.LayerCodec;
import org.layerlab.project.Project;

/** A checkpoint in the export's own PyTorch layout comes back as exactly the project's weights, for every case. */
class TorchCheckpointTest {
    @TempDir
    Path dir;

    static Stream<ExportCases.Case> cases() {
        return Stream.of(ExportCases.kinds(), ExportCases.variants(), ExportCases.masked(), ExportCases.maskedRecurrent())
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anExportedStateDictReadsBackAsTheProjectsWeights(ExportCases.Case c) throws IOException {
        Path file = dir.resolve("checkpoint.safetensors");
        SafeTensors state = PyTorchExporter.module(c.project()).weights();
        state.write(file);
        assertSameWeights(c.project(), TorchCheckpoint.read(c.project(), file));
    }

    /** PyTorch trains two LSTM biases where Keras has one: what matters is their sum. */
    @Test
    void pyTorchsSecondBiasIsAddedToTheFirst() throws IOException {
        NetworkGraph g = ExportCases.chain(new Input(Shape.of(4, 3)),
                LayerCodec.decode("LSTM", ExportCases.obj("{units: 2}"), "$"));
        Project p = ExportCases.project(g);
        Map<String, Tensor> state = PyTorchExporter.module(p).weights().tensors();
        float[] ih = state.get("n1.bias_ih_l0").data();
        float[] hh = state.get("n1.bias_hh_l0").data();
        for (int i = 0; i < ih.length; i++) {
            hh[i] = 0.25f * i;
            ih[i] -= 0.25f * i;
        }
        Path file = dir.resolve("two-biases.safetensors");
        SafeTensors out = new SafeTensors();
        state.forEach(out::put);
        out.write(file);
        ParameterStore back = TorchCheckpoint.read(p, file);
        float[] expected = ExportPlan.of(p).steps().get(1).weight("bias").data();
        assertArrayEquals(expected, back.ofNode("n1").get("bias").value().data(), 1e-6f);
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedWithWhatIsMissing() throws IOException {
        Project small = ExportCases.project(ExportCases.chain(new Input(Shape.of(3)),
                LayerCodec.decode("Dense", ExportCases.obj("{units: 2}"), "$")));
        Project other = ExportCases.project(ExportCases.chain(new Input(Shape.of(3)),
                LayerCodec.decode("Dense", ExportCases.obj("{units: 2}"), "$"),
                LayerCodec.decode("Dense", ExportCases.obj("{units: 1}"), "$")));
        Path file = dir.resolve("small.safetensors");
        PyTorchExporter.module(small).weights().write(file);
        IOException e = assertThrows(IOException.class, () -> TorchCheckpoint.read(other, file));
        assertTrue(e.getMessage().contains("lacks n2.bias, n2.weight"), e.getMessage());
        Path text = dir.resolve("notes.safetensors");
        Files.writeString(text, "not weights at all");
        IOException bad = assertThrows(IOException.class, () -> TorchCheckpoint.read(small, text));
        assertTrue(bad.getMessage().contains("is not a safetensors file"), bad.getMessage());
    }

    private static void assertSameWeights(Project p, ParameterStore back) {
        ParameterStore original = ExportPlan.of(p).network().parameterStore();
        for (Parameter w : original.all()) {
            assertArrayEquals(w.value().data(), back.ofNode(w.nodeId()).get(w.name()).value().data(),
                    w.nodeId() + "/" + w.name());
        }
    }
}
