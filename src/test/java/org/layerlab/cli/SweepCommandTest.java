package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.ProjectFiles;

/** sweep trains one run per combination and saves them; runs lists them with what changed. */
class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void aGridSweepRanksItsTrialsAndSavesThemAsRuns() throws Exception {
        Path xor = XorProject.copyInto(dir);
        Run r = Run.of("sweep", xor.toString(), "--param", "learning_rate=0.001,0.1", "--param", "dense.units=2,8",
                "--epochs", "30", "--metric", "loss", "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(4, o.getAsJsonArray("trials").size());
        double first = o.getAsJsonArray("trials").get(0).getAsJsonObject().get("loss").getAsDouble();
        double last = o.getAsJsonArray("trials").get(3).getAsJsonObject().get("loss").getAsDouble();
        assertTrue(first <= last, "ranked best first: " + first + " then " + last);
        assertEquals(4, ProjectFiles.load(xor).runs().runs().size());
        assertTrue(Files.isDirectory(dir.resolve("xor.runs/r4")));

        Run list = Run.of("runs", xor.toString());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("Sweep 1 · 4/4"), list.out());
        assertTrue(list.out().contains("dense.units, learning_rate"), list.out());
    }

    @Test
    void aMistypedParameterIsRefusedWithTheSettingsThereAre() throws Exception {
        Path xor = XorProject.copyInto(dir);
        Run r = Run.of("sweep", xor.toString(), "--param", "dense.unit=4");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a layer of input, dense, dense_1"), r.err());
        assertTrue(ProjectFiles.load(xor).runs().isEmpty());
        Run none = Run.of("sweep", xor.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("give at least one --param"), none.err());
    }
}
