package org.layerlab.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.Shape;
import org.layerlab.export.ExportCases;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Input;
import org.layerlab.project.LayerCodec;
import org.layerlab.project.Project;
import org.layerlab.training.TrainingConfig;

/**
 * Every layer kind, the options that change a translation, padding masks and every sample go
 * through ONNX and come back from ONNX Runtime with LayerLab's outputs.
 */
class OnnxExportTest {
    static Stream<ExportCases.Case> cases() {
        return ExportCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onnxRuntimeComputesWhatLayerLabComputes(ExportCases.Case c) throws OrtException, IOException {
        OnnxRuntimeCheck.agrees(c.project(), c.input(), c.title());
    }

    @Test
    void aMaskReachingARecurrentLayerIsNamedBeforeExport() {
        NetworkGraph g = ExportCases.chain(new Input(Shape.of(6)),
                LayerCodec.decode("Embedding", ExportCases.obj("{input_dim: 20, output_dim: 4, mask_zero: true}"), "$"),
                LayerCodec.decode("LSTM", ExportCases.obj("{units: 3}"), "$"));
        List<String> problems = new OnnxExporter().problems(ExportCases.project(g));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("layer 'n2': ") && problems.get(0).contains("mask_zero"), problems.get(0));
    }

    @Test
    void theFileCarriesProvenanceAndUserTextCannotEscapeItsName(@TempDir Path dir) throws IOException {
        String hostile = ExportCases.HOSTILE;
        NetworkGraph g = ExportCases.hostileGraph();
        Project p = new Project(hostile, g, TrainingConfig.of(Loss.MSE, 1), null, null, null);
        Path file = new OnnxExporter().export(p, "../../etc/passwd", dir, dir);
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
}
