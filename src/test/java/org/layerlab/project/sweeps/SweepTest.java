package org.layerlab.project.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.LoadedData;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.runs.Run;

/** Parameters parse as written, grids visit every combination once, random sweeps repeat by seed, trials become runs. */
class SweepTest {
    @TempDir
    Path dir;

    @Test
    void rangesAndListsParseAsWritten() {
        SweepParameter lr = SweepParameter.parse("learning_rate=1e-4..1e-1:log:4");
        assertEquals(List.of("0.0001", "0.001", "0.01", "0.1"), lr.values());
        assertEquals(List.of("16", "32", "48", "64"), SweepParameter.parse("dense.units=16..64:4").values());
        assertEquals(List.of("adam", "sgd"), SweepParameter.parse("optimizer = adam, sgd").values());
        assertEquals(List.of("0", "0.25", "0.5"), SweepParameter.parse("dropout.rate=0..0.5:lin:3").values());
        for (String bad : List.of("units", "x=1..", "x=5..1:3", "x=0..1:log:3", "x=1..2:often", "x=1..2:1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepParameter.parse(bad), bad);
            assertNotNull(e.getMessage());
        }
    }

    @Test
    void aGridVisitsEveryCombinationOnce() {
        Sweep s = new Sweep(List.of(SweepParameter.parse("a=1,2,3"), SweepParameter.parse("b=x,y"),
                SweepParameter.parse("c=0.1..0.2:2")), Sweep.Strategy.GRID, 0, 0, 1, "loss");
        List<Map<String, String>> trials = s.trials();
        assertEquals(12, trials.size());
        assertEquals(12, new HashSet<>(trials).size());
        assertEquals(Map.of("a", "1", "b", "x", "c", "0.1"), trials.get(0));
        assertEquals(Map.of("a", "3", "b", "y", "c", "0.2"), trials.get(11));
        assertThrows(IllegalArgumentException.class, () -> new Sweep(List.of(SweepParameter.parse("a=1..100000:100"),
                SweepParameter.parse("b=1..1000:1000")), Sweep.Strategy.GRID, 0, 0, 1, "loss"));
    }

    @Test
    void aSeededRandomSweepRepeatsAndStaysInItsRanges() {
        List<SweepParameter> ps = List.of(SweepParameter.parse("learning_rate=1e-4..1e-1:log"),
                SweepParameter.parse("units=8..64"), SweepParameter.parse("optimizer=adam,sgd,rmsprop"));
        List<Map<String, String>> a = new Sweep(ps, Sweep.Strategy.RANDOM, 50, 7, 1, "loss").trials();
        assertEquals(a, new Sweep(ps, Sweep.Strategy.RANDOM, 50, 7, 1, "loss").trials());
        assertNotEquals(a, new Sweep(ps, Sweep.Strategy.RANDOM, 50, 8, 1, "loss").trials());
        for (Map<String, String> t : a) {
            double lr = Double.parseDouble(t.get("learning_rate"));
            assertTrue(lr >= 1e-4 && lr <= 0.1, t.toString());
            int units = Integer.parseInt(t.get("units"));
            assertTrue(units >= 8 && units <= 64, t.toString());
        }
        // Log-uniform: about a third of the draws in each decade.
        long lowDecade = a.stream().filter(t -> Double.parseDouble(t.get("learning_rate")) < 1e-3).count();
        assertTrue(lowDecade >= 8 && lowDecade <= 28, "draws below 1e-3: " + lowDecade);
        assertEquals(3, a.stream().map(t -> t.get("optimizer")).distinct().count());
    }

    private Project xor() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples", "data", "xor.csv"), dir.resolve("data/xor.csv"));
        return ProjectFiles.load(Path.of("samples", "xor.layerlab"));
    }

    @Test
    void trialsBecomeRunsAndTheDocumentStaysAsItWas() throws Exception {
        Project trained = ProjectSession.open(xor(), dir).train(3, List.of()).project();
        LoadedData data = ProjectSession.open(trained, dir).data();
        Sweep sweep = new Sweep(List.of(SweepParameter.parse("dense.units=0,2,8"), SweepParameter.parse("learning_rate=0.1")),
                Sweep.Strategy.GRID, 0, 0, 30, "loss");
        SweepRunner.Result r = new SweepRunner().run(trained, dir, data, sweep, new SweepRunner.Progress() { });
        assertEquals(3, r.trials().size());
        assertTrue(r.trials().get(0).error().contains("units"), r.trials().get(0).error());
        assertNull(r.trials().get(0).runId());
        Project after = r.project();
        assertSame(trained.weights(), after.weights());
        assertEquals(trained.history(), after.history());
        assertEquals("r1", after.runs().head());
        List<Run> runs = after.runs().runs();
        assertEquals(List.of("r1", "r2", "r3"), runs.stream().map(Run::id).toList());
        Run eight = runs.get(2);
        assertEquals("Sweep 1 · 3/3", eight.name());
        assertEquals("dense.units=8 learning_rate=0.1", eight.note());
        assertNull(eight.parent());
        assertEquals("8", eight.settings().get("dense.units"));
        assertEquals(30, eight.epochs());
        assertEquals(r.trials().get(2).metric(), eight.metric("loss"));
        assertEquals(r.trials().get(2), r.best(sweep));
    }

    @Test
    void aCancelledSweepKeepsItsFinishedTrials() throws Exception {
        Project p = xor();
        LoadedData data = ProjectSession.open(p, dir).data();
        SweepRunner runner = new SweepRunner();
        Sweep sweep = new Sweep(List.of(SweepParameter.parse("dense.units=2..6:5")), Sweep.Strategy.GRID, 0, 0, 5, "loss");
        SweepRunner.Result r = runner.run(p, dir, data, sweep, new SweepRunner.Progress() {
            @Override
            public void trialEnded(SweepRunner.Trial trial, int total, Project project) {
                if (trial.number() == 2) {
                    runner.cancel();
                }
            }
        });
        assertTrue(r.cancelled());
        assertEquals(2, r.trials().size());
        assertEquals(2, r.project().runs().runs().size());
    }

    @Test
    void anUnknownSettingOrMetricIsRefusedBeforeAnyTraining() throws Exception {
        Project p = xor();
        LoadedData data = ProjectSession.open(p, dir).data();
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> new SweepRunner().run(p, dir, data,
                new Sweep(List.of(SweepParameter.parse("dense.neurons=4")), Sweep.Strategy.GRID, 0, 0, 1, "loss"),
                new SweepRunner.Progress() { }));
        assertTrue(key.getMessage().contains("no setting 'dense.neurons'"), key.getMessage());
        IllegalArgumentException metric = assertThrows(IllegalArgumentException.class, () -> new SweepRunner().run(p, dir,
                data, new Sweep(List.of(SweepParameter.parse("batch_size=2")), Sweep.Strategy.GRID, 0, 0, 1, "val_accuracy"),
                new SweepRunner.Progress() { }));
        assertTrue(metric.getMessage().contains("no test data"), metric.getMessage());
    }

    @Test
    void successiveHalvingGivesTheBestTrialsMoreEpochsAsContinuations() throws Exception {
        Project p = xor();
        LoadedData data = ProjectSession.open(p, dir).data();
        Sweep sweep = new Sweep(List.of(SweepParameter.parse("dense.units=2,4,8"), SweepParameter.parse("learning_rate=0.01,0.1,0.3")),
                Sweep.Strategy.GRID, 0, 0, 5, "loss", 3);
        SweepRunner.Result r = new SweepRunner().run(p, dir, data, sweep, new SweepRunner.Progress() { });
        // 9 trials of 5 epochs; the best 3 go on to 15; the best of those to 45.
        assertEquals(9 + 3 + 1, r.project().runs().runs().size());
        assertEquals(6, r.trials().stream().filter(t -> t.epochs() == 5).count());
        assertEquals(2, r.trials().stream().filter(t -> t.epochs() == 15).count());
        SweepRunner.Trial best = r.best(sweep);
        assertEquals(45, best.epochs());
        Run last = r.project().runs().find(best.runId()).orElseThrow();
        assertTrue(last.name().endsWith("round 3"), last.name());
        // A continuation is its trial's earlier run's child: its curve is the whole 45 epochs.
        assertEquals(45, r.project().runs().lineage(last).size());
        Run middle = r.project().runs().find(last.parent()).orElseThrow();
        assertEquals(5, middle.startEpoch());
        assertNull(r.project().runs().find(middle.parent()).orElseThrow().parent());
        assertNull(r.project().runs().head());
        assertThrows(IllegalArgumentException.class, () -> new Sweep(sweep.parameters(), Sweep.Strategy.GRID, 0, 0, 5,
                "loss", 1));
    }
}
