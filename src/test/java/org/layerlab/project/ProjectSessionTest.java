package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.training.ConfusionMatrix;
import org.layerlab.training.HealthSnapshot;
import org.layerlab.training.LayerHealth;

/** A run trains its own copy of the weights; the document changes only when the run's results are taken. */
class ProjectSessionTest {
    @TempDir
    Path dir;

    private Project trainedXor() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples", "data", "xor.csv"), dir.resolve("data/xor.csv"));
        Project p = ProjectFiles.load(Path.of("samples", "xor.layerlab"));
        return ProjectSession.open(p, dir).train(20, List.of()).project();
    }

    @Test
    void aRunNeverWritesIntoTheDocumentsWeights() throws Exception {
        Project document = trainedXor();
        Map<String, float[]> before = document.weights().snapshotValues();
        String savedBefore = ProjectFiles.toJson(document, "xor.weights");

        ProjectSession run = ProjectSession.open(document, dir);
        assertNotSame(document.weights(), run.network().parameterStore());
        ProjectSession.Outcome outcome = run.train(30, List.of());

        Map<String, float[]> after = document.weights().snapshotValues();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k + " changed under the document"));
        assertEquals(savedBefore, ProjectFiles.toJson(document, "xor.weights"));

        // The results carry the run's own weights, which did move.
        assertSame(run.network().parameterStore(), outcome.project().weights());
        Map<String, float[]> trained = outcome.project().weights().snapshotValues();
        assertFalse(before.keySet().stream().allMatch(k -> Arrays.equals(before.get(k), trained.get(k))));
        assertEquals(document.history().size() + 30, outcome.project().history().size());
    }

    @Test
    void theRunStartsFromTheDocumentsWeights() throws Exception {
        Project document = trainedXor();
        ProjectSession run = ProjectSession.open(document, dir);
        Map<String, float[]> start = run.network().parameterStore().snapshotValues();
        document.weights().snapshotValues().forEach((k, v) -> assertArrayEquals(v, start.get(k), k));
    }

    @Test
    void aTrainedClassifiersConfusionMatrixIsThereWithoutARun() throws Exception {
        Project trained = trainedXor();
        ProjectSession reopened = ProjectSession.open(ProjectFiles.parse(ProjectFiles.toJson(trained, null), "x.layerlab",
                null).withResults(trained.weights(), List.of()), dir);
        ConfusionMatrix m = reopened.confusion();
        long total = 0;
        for (int t = 0; t < m.size(); t++) {
            for (int p = 0; p < m.size(); p++) {
                total += m.count(t, p);
            }
        }
        assertEquals(4, total, "the four XOR rows (no test part: the training data)");
    }

    @Test
    void aReopenedProjectsHealthIsMeasuredOnOneBatchWithoutTouchingItsWeights() throws Exception {
        Project document = trainedXor();
        Map<String, float[]> before = document.weights().snapshotValues();
        ProjectSession reopened = ProjectSession.open(document, dir);
        HealthSnapshot h = reopened.health();

        document.weights().snapshotValues().forEach((k, v) -> assertArrayEquals(before.get(k), v, k + " changed"));
        // XOR's four rows fit one batch of 4: 20 epochs are 20 steps, and the batch is the whole set.
        assertEquals(20, h.step());
        assertEquals(reopened.evaluate().get("loss"), h.loss(), 1e-6, "the loss of that batch");
        List<String> withWeights = document.graph().nodes().stream()
                .filter(n -> before.keySet().stream().anyMatch(k -> k.startsWith(n.id() + "/")))
                .map(n -> n.id()).toList();
        assertEquals(withWeights, h.layers().stream().map(LayerHealth::nodeId).toList());
        for (LayerHealth l : h.layers()) {
            double norm = 0;
            for (Map.Entry<String, float[]> e : before.entrySet()) {
                if (e.getKey().startsWith(l.nodeId() + "/")) {
                    for (float w : e.getValue()) {
                        norm += (double) w * w;
                    }
                }
            }
            assertEquals(Math.sqrt(norm), l.weightNorm(), 1e-4, l.nodeId());
            assertTrue(l.gradNorm() > 0 && Double.isFinite(l.gradNorm()), l + ": a backward pass ran");
        }
    }
}
