package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's smoke run: every workload produces a sane row, in the table and in JSON. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void quickRunPrintsEveryWorkloadAndWritesJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path json = dir.resolve("bench.json");
        int code = Main.run(List.of("bench", "--quick", "--json", json.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, table);

        JsonObject doc = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        List<String> names = new ArrayList<>();
        for (var e : doc.getAsJsonArray("results")) {
            JsonObject row = e.getAsJsonObject();
            names.add(row.get("workload").getAsString());
            assertTrue(row.get("figure").getAsDouble() > 0, row.toString());
            assertTrue(table.contains(row.get("workload").getAsString()), table);
            if (row.has("testAccuracy") || row.get("workload").getAsString().startsWith("gemm")) {
                // Training workloads and products are medians of timed windows, with the spread around them.
                double figure = row.get("figure").getAsDouble();
                assertTrue(row.get("low").getAsDouble() <= figure && figure <= row.get("high").getAsDouble(),
                        row.toString());
            }
        }
        assertEquals(List.of("xor", "mlp", "cnn", "lstm", "transformer", "fma peak", "gemm 256", "gemm 1024"), names);
        // The subset is small but real: one epoch already beats guessing one class in ten by far;
        // the quick lstm's 1,024 sequences only start to (the full 8,192 reach about 47%).
        for (var e : doc.getAsJsonArray("results")) {
            JsonObject row = e.getAsJsonObject();
            if (row.has("testAccuracy")) {
                double floor = row.get("workload").getAsString().equals("lstm") ? 0.11 : 0.5;
                floor = row.get("workload").getAsString().equals("transformer") ? 0.11 : floor;
                assertTrue(row.get("testAccuracy").getAsDouble() > floor, row.toString());
            }
        }
        assertTrue(table.lines().anyMatch(l -> l.startsWith("gemm 1024") && l.contains("% of fma peak")), table);
    }

    @Test
    void peakAndBandwidthAloneForTheCompareScript() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(List.of("bench", "--quick", "--only", "fma,memory"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("fma peak")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("memory +[0-9.]+ GB/s .*")), table);
        assertTrue(table.lines().noneMatch(l -> l.startsWith("gemm") || l.startsWith("mlp")), table);
    }

    @Test
    void slicesTrainTheBenchmarkNetworkASliceAtATime() {
        // The shipped 6,000-image subset: the mlp's slice (6,400) shrinks to the whole set.
        String subset = BenchCommand.SUBSET.toString();
        java.util.function.IntSupplier mlp = BenchSlices.of("mlp", subset);
        assertEquals(6000, mlp.getAsInt());
        java.util.function.IntSupplier cnn = BenchSlices.of("cnn", subset);
        assertEquals(256, cnn.getAsInt());
        assertEquals(256, cnn.getAsInt(), "the next slice");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BenchSlices.of("gemm", subset));
        assertTrue(e.getMessage().contains("mlp or cnn"), e.getMessage());
    }

    @Test
    void unknownWorkloadIsNamed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of("bench", "--only", "resnet"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown workload 'resnet'"), err.toString());
    }
}
