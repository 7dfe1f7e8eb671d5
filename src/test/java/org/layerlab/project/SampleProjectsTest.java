package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.training.TrainingResult;

/** Every bundled sample is the one defined in SampleProjects, is valid against its data, and trains. */
class SampleProjectsTest {
    private static final Path SAMPLES = Path.of("samples");

    @Test
    void filesOnDiskMatchTheirDefinitions() throws Exception {
        for (Map.Entry<String, Project> e : SampleProjects.all().entrySet()) {
            Path file = SAMPLES.resolve(e.getKey() + ProjectFiles.EXTENSION);
            assertEquals(ProjectFiles.toJson(e.getValue(), null), Files.readString(file),
                    file + " is stale: run SampleProjects.main to rewrite the samples");
        }
    }

    @Test
    void everySampleValidatesAndTrainsForOneEpoch() throws Exception {
        for (String name : SampleProjects.all().keySet()) {
            Project p = ProjectFiles.load(SAMPLES.resolve(name + ProjectFiles.EXTENSION));
            ProjectSession s = ProjectSession.open(p, SAMPLES);
            GraphAnalysis a = s.analysis();
            assertTrue(a.problems().isEmpty(), name + ": " + a.problems());
            ProjectSession.Outcome o = s.train(1, List.of());
            assertEquals(TrainingResult.Outcome.COMPLETED, o.result().outcome(), name);
            assertEquals(1, o.project().history().size(), name);
            double loss = o.result().last().get("loss");
            assertTrue(Double.isFinite(loss), name + " loss " + loss);
            assertNotEquals(0, o.project().weights().totalSize(), name);
        }
    }

    @Test
    void designDocumentCnnSampleMatchesKeras() throws Exception {
        Project p = ProjectFiles.load(SAMPLES.resolve("fashion_cnn.layerlab"));
        assertEquals(93_322, GraphAnalysis.of(p.graph()).totalParams());
        Project boston = ProjectFiles.load(SAMPLES.resolve("boston_housing.layerlab"));
        assertEquals(13 * 10 + 10 + 10 + 1, GraphAnalysis.of(boston.graph()).totalParams());
    }
}
