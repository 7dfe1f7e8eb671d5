package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.training.ConfusionMatrix;

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
}
