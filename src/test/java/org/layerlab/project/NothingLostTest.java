package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.Trainer;
import org.layerlab.training.TrainingResult;

/** A project always reopens, never holds numbers that are no numbers, and reads settings as Keras writes them. */
class NothingLostTest {
    @TempDir
    Path dir;

    private static List<EpochEvent> epochs(int n) {
        List<EpochEvent> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new EpochEvent(i, Map.of("loss", 1.0 / i), 0, 0.01, 0.1));
        }
        return out;
    }

    @Test
    void historyStaysBoundedKeepingTheFirstAndTheRecentEpochs() throws Exception {
        Project xor = ProjectFiles.load(Path.of("samples", "xor.layerlab"));
        Project p = xor;
        for (int run = 0; run < 5; run++) {
            p = p.withResults(null, epochs(8_000));
        }
        assertTrue(p.history().size() <= Project.MAX_HISTORY, "kept " + p.history().size());
        assertEquals(1, p.history().get(0).epoch(), "the first epoch stays");
        List<EpochEvent> last = p.history().subList(p.history().size() - 1_000, p.history().size());
        assertEquals(7_001, last.get(0).epoch(), "the newest thousand epochs are all there");
        assertEquals(8_000, last.get(999).epoch());
        String json = ProjectFiles.toJson(p, null);
        assertTrue(json.length() < ProjectFiles.MAX_PROJECT_BYTES / 10, "the file stays small: " + json.length());
        assertEquals(p.history().size(), ProjectFiles.parse(json, "long.layerlab", null).history().size());
    }

    @Test
    void nonFiniteWeightsAreNeitherWrittenNorRead() throws Exception {
        ParameterStore store = new ParameterStore(1);
        Parameter p = store.getOrCreate("dense", "kernel", new int[] {2, 2}, Initializer.GLOROT_UNIFORM, 2, 2, null);
        p.value().set(3, Float.NaN);
        IOException e = assertThrows(IOException.class, () -> WeightsFile.write(store, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("dense/kernel hold values that are not finite"), e.getMessage());

        // A file written by an older LayerLab with a NaN inside is refused with what to do.
        p.value().set(3, 0.5f);
        Path file = dir.resolve("old.weights");
        try (var out = Files.newOutputStream(file)) {
            WeightsFile.write(store, out);
        }
        byte[] bytes = Files.readAllBytes(file);
        // The last value is the last four bytes (little-endian float): make it NaN.
        bytes[bytes.length - 2] = (byte) 0xC0;
        bytes[bytes.length - 1] = (byte) 0x7F;
        Files.write(file, bytes);
        ProjectException refused = assertThrows(ProjectException.class, () -> WeightsFile.read(file, 1));
        assertTrue(refused.getMessage().contains("holds values that are not finite"), refused.getMessage());
    }

    @Test
    void aRunWhoseWeightsWentInfiniteLeavesTheProjectsWeights() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples", "data", "xor.csv"), dir.resolve("data/xor.csv"));
        Project xor = ProjectFiles.load(Path.of("samples", "xor.layerlab"));
        Project trained = ProjectSession.open(xor, dir).train(5, List.of()).project();
        ProjectSession run = ProjectSession.open(trained, dir);
        run.network().parameters().get(0).value().set(0, Float.POSITIVE_INFINITY);
        Trainer trainer = new Trainer(run.network(), trained.training());
        Project after = run.withResults(trained, List.of(), run.startRun(trainer, trained.training(), 0),
                TrainingResult.Outcome.FAILED);
        assertSame(trained.weights(), after.weights());
        // The failed run is on record, with no weights to restore; the head is still the run that trained them.
        assertEquals(2, after.runs().runs().size());
        assertNull(after.runs().runs().get(1).last());
        assertEquals(trained.runs().head(), after.runs().head());
    }

    @Test
    void optimizerSwitchesMayBeJsonBooleans() throws Exception {
        String json = Files.readString(Path.of("samples", "xor.layerlab"))
                .replace("\"name\": \"adam\"", "\"name\": \"sgd\"")
                .replace("\"options\": {}", "\"options\": {\"nesterov\": true, \"momentum\": 0.9}");
        Project p = ProjectFiles.parse(json, "x.layerlab", null);
        assertEquals(1.0, p.training().optimizer().option("nesterov"));
    }

    @Test
    void aProjectWithAHugeHistoryFromBeforeTheBoundLoadsWithItThinned() throws Exception {
        // 150,000 epochs (about 25 MB), as an older LayerLab could write: read epoch by epoch, kept bounded.
        StringBuilder sb = new StringBuilder(Files.readString(Path.of("samples", "xor.layerlab")));
        sb.setLength(sb.lastIndexOf("}"));
        sb.append(",\n  \"history\": [");
        for (int i = 1; i <= 150_000; i++) {
            sb.append(i == 1 ? "" : ",").append("{\"epoch\": ").append(i)
                    .append(", \"learning_rate\": 0.05, \"metrics\": {\"loss\": 0.5, \"accuracy\": 0.75}}");
        }
        sb.append("]\n}\n");
        Project p = ProjectFiles.parse(sb.toString(), "old.layerlab", null);
        assertTrue(p.history().size() <= Project.MAX_HISTORY, "kept " + p.history().size());
        assertEquals(1, p.history().get(0).epoch());
        assertEquals(150_000, p.history().get(p.history().size() - 1).epoch());
        String bad = sb.toString().replace("{\"epoch\": 7,", "{\"epoch\": \"seven\",");
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectFiles.parse(bad, "old.layerlab", null));
        assertTrue(e.getMessage().contains("$.history[6].epoch"), e.getMessage());
    }
}
