package org.layerlab.export.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.engine.Shape;
import org.layerlab.export.ExportCases;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Input;
import org.layerlab.project.LayerCodec;

/**
 * Writes the PyTorch export of every case (each layer kind, the option variants, masks, every
 * sample) with LayerLab's outputs beside it, into {@link #KEPT}. Python runs them: .ci/run calls
 * src/test/python/check_pytorch.py on the folder after the tests, which loads each model.py
 * with its weights, runs the input and compares with LayerLab's output (1e-5 relative).
 */
class PyTorchExportTest {
    static final Path KEPT = Path.of("target", "pytorch-exports");

    /** Every case, and padding into recurrent layers, which the PyTorch export steps through itself. */
    static Stream<ExportCases.Case> cases() {
        return Stream.concat(ExportCases.all(), ExportCases.maskedRecurrent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportsWithLayerLabsOutputsBesideIt(ExportCases.Case c) throws IOException {
        assertEquals(List.of(), new PyTorchExporter().problems(c.project()));
        Path model = ExportCases.writeWithExpected(new PyTorchExporter(), c, KEPT);
        assertEquals("model.py", model.getFileName().toString());
        String code = Files.readString(model);
        assertTrue(code.contains("class Model(nn.Module):") && code.contains("def load_model("), code);
    }

    @Test
    void activationsPyTorchsRecurrentLayersLackAreNamedBeforeExport() {
        NetworkGraph g = ExportCases.chain(new Input(Shape.of(6, 2)),
                LayerCodec.decode("LSTM", ExportCases.obj("{units: 3, activation: 'relu'}"), "$"));
        List<String> problems = new PyTorchExporter().problems(ExportCases.project(g));
        assertEquals(List.of("layer 'n1': PyTorch's LSTM has tanh and sigmoid built in, not relu and sigmoid"), problems);
    }

    /** A layer name is user text: in the code it becomes an identifier and nothing else. */
    @Test
    void aHostileLayerNameBecomesAHarmlessIdentifier(@TempDir Path dir) throws IOException {
        NetworkGraph g = ExportCases.hostileGraph();
        String code = Files.readString(new PyTorchExporter().export(ExportCases.project(g), "m", dir, dir));
        assertTrue(code.contains("self.x_import_os_os_system_rm_rf = nn.Linear(3, 2)"), code);
        assertFalse(code.contains("os.system"), code);
        assertFalse(code.contains("rm -rf"), code);
    }
}
