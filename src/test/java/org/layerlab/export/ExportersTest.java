package org.layerlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.export.core.Exporter;
import org.layerlab.nn.layers.LayerKinds;
import org.layerlab.project.ProjectFiles;

/** What every format of the build promises: every sample goes out, every layer kind is supported, file names are safe. */
class ExportersTest {
    static Stream<Exporter> formats() {
        return Exporters.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everySampleHasNothingThatStopsItsExport(Exporter format) throws Exception {
        for (Path file : ExportCases.sampleFiles()) {
            assertEquals(List.of(), format.problems(ProjectFiles.load(file)), format.format() + " " + file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyLayerKindIsSupported(Exporter format) {
        assertEquals(List.of(), LayerKinds.all().stream().filter(k -> !format.supports(k)).map(k -> k.name()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void theMainFileNameIsSafe(Exporter format) {
        String name = format.fileName("../../etc/pass wd");
        assertTrue(name.matches("[a-z0-9_]+\\.[a-z]+"), name);
    }
}
