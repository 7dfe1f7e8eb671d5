package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.runs.Run;
import org.layerlab.training.runs.RunDiff;
import org.layerlab.training.runs.RunLog;

/** Every run is kept: recorded when it ends, saved beside the project, reopened, restored as it ended. */
class RunsTest {
    @TempDir
    Path dir;

    private Path xor() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples", "data", "xor.csv"), dir.resolve("data/xor.csv"));
        Path file = dir.resolve("xor.layerlab");
        ProjectFiles.save(ProjectFiles.load(Path.of("samples", "xor.layerlab")), file);
        return file;
    }

    private static Project train(Project p, Path dir, int epochs) throws Exception {
        return ProjectSession.open(p, dir).train(epochs, List.of()).project();
    }

    private static float[] predictions(Project p, Path dir) throws Exception {
        ProjectSession s = ProjectSession.open(p, dir);
        Tensor x = Tensor.wrap(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        return s.network().predict(x).data().clone();
    }

    @Test
    void runsAreRecordedAsATreeAndSurviveSaveAndReopen() throws Exception {
        Path file = xor();
        Project p = ProjectFiles.load(file);
        Project first = train(p, dir, 5);
        Project second = train(first.withTraining(first.training().withOptimizer(OptimizerSpec.of("adam", 0.01))), dir, 3);
        ProjectFiles.save(second, file);
        // The project file names only the head: its runs are in the folder beside it.
        assertTrue(Files.readString(file).contains("\"run_head\": \"r2\""));
        assertTrue(Files.isRegularFile(dir.resolve("xor.runs/r1/run.json")));
        assertTrue(Files.isRegularFile(dir.resolve("xor.runs/r2/epoch-3.weights")));

        RunLog log = ProjectFiles.load(file).runs();
        assertEquals(List.of("r1", "r2"), log.runs().stream().map(Run::id).toList());
        assertEquals("r2", log.head());
        assertTrue(log.problems().isEmpty(), log.problems().toString());
        Run r1 = log.runs().get(0);
        Run r2 = log.runs().get(1);
        assertNull(r1.parent());
        assertEquals("r1", r2.parent());
        assertEquals(5, r2.startEpoch());
        assertEquals(5, r1.epochs());
        assertEquals("completed", r1.outcome());
        assertEquals(second.runs().runs().get(0).history().get(4).metrics(), r1.history().get(4).metrics());
        // What changed between them: the rate, and nothing of the network.
        RunDiff diff = RunDiff.of(r1, r2);
        assertEquals(List.of("epochs", "learning_rate"), diff.changedKeys());
        assertEquals(r1.graphHash(), r2.graphHash());
        assertTrue(diff.changedLayers().isEmpty());
        // The second run's curve continues the first's.
        List<EpochEvent> line = log.lineage(r2);
        assertEquals(8, line.size());
        assertEquals(r1.history().get(4).metrics(), line.get(4).metrics());
        assertEquals(r2.history().get(0).metrics(), line.get(5).metrics());
        assertEquals(8, line.get(7).epoch());
        assertEquals(r1.data(), r2.data());
        assertEquals(16, r1.data().hash().length());
    }

    @Test
    void aRestoredRunPredictsExactlyAsWhenItEnded() throws Exception {
        Path file = xor();
        Project first = train(ProjectFiles.load(file), dir, 5);
        float[] atEnd = predictions(first, dir);
        Project second = train(first, dir, 10);
        ProjectFiles.save(second, file);
        assertFalse(java.util.Arrays.equals(atEnd, predictions(second, dir)));

        Project reopened = ProjectFiles.load(file);
        Run r1 = reopened.runs().find("r1").orElseThrow();
        Project restored = reopened.restored(r1, r1.last().load());
        assertArrayEquals(atEnd, predictions(restored, dir));
        assertEquals("r1", restored.runs().head());
        assertEquals(first.history().size(), restored.history().size());
        // Training the restored document makes a branch from r1: a third run beside r2.
        Project branch = train(restored, dir, 2);
        Run r3 = branch.runs().find("r3").orElseThrow();
        assertEquals("r1", r3.parent());
        assertEquals(5, r3.startEpoch());
    }

    @Test
    void checkpointsEveryNEpochsAreKeptAndRead() throws Exception {
        Path file = xor();
        Project p = ProjectFiles.load(file);
        ProjectSession s = ProjectSession.open(p, dir);
        Project trained = s.train(6, 2, List.of()).project();
        ProjectFiles.save(trained, file);
        Run r = ProjectFiles.load(file).runs().runs().get(0);
        assertEquals(List.of(2, 4, 6), r.checkpoints().stream().map(c -> c.epoch()).toList());
        assertArrayEquals(trained.weights().snapshotValues().get("dense/kernel"),
                r.last().load().snapshotValues().get("dense/kernel"));
        assertFalse(java.util.Arrays.equals(r.checkpoints().get(0).load().snapshotValues().get("dense/kernel"),
                r.last().load().snapshotValues().get("dense/kernel")));
    }

    @Test
    void deletedRunsLeaveTheFolderAndADamagedRunNeverStopsTheProjectOpening() throws Exception {
        Path file = xor();
        Project p = train(train(ProjectFiles.load(file), dir, 1), dir, 1);
        ProjectFiles.save(p.withRuns(p.runs().without("r1")), file);
        assertFalse(Files.exists(dir.resolve("xor.runs/r1")));
        assertTrue(Files.exists(dir.resolve("xor.runs/r2/run.json")));

        Project again = train(ProjectFiles.load(file), dir, 1);
        ProjectFiles.save(again, file);
        Files.writeString(dir.resolve("xor.runs/r2/run.json"), "{ not json");
        Files.delete(dir.resolve("xor.runs/r3/epoch-1.weights"));
        Project reopened = ProjectFiles.load(file);
        assertEquals(List.of("r3"), reopened.runs().runs().stream().map(Run::id).toList());
        assertEquals(1, reopened.runs().problems().size());
        assertTrue(reopened.runs().problems().get(0).contains("r2/run.json is not valid JSON"),
                reopened.runs().problems().get(0));
        // Its curve stays; restoring says what is missing.
        Exception missing = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> reopened.runs().runs().get(0).last().load());
        assertTrue(missing.getMessage().contains("weights of run r3 at epoch 1 are missing"), missing.getMessage());
    }

    @Test
    void aThousandRunsLeaveTheProjectFileTheSameSize() throws Exception {
        Path file = xor();
        Project p = train(ProjectFiles.load(file), dir, 1);
        ProjectFiles.save(p, file);
        long one = Files.size(file);
        for (int i = 1; i < 1000; i++) {
            p = train(p, dir, 1);
        }
        ProjectFiles.save(p, file);
        assertEquals(1000, p.runs().runs().size());
        // The history grows (one epoch a run) and "run_head" gets digits: nothing else.
        long thousand = Files.size(file);
        assertTrue(thousand < one + 1000 * 200, one + " → " + thousand);
        Project reopened = ProjectFiles.load(file);
        assertEquals(1000, reopened.runs().runs().size());
        assertEquals("r1000", reopened.runs().head());
    }

    @Test
    void aForkFromACheckpointContinuesExactlyWhereItsParentWas() throws Exception {
        Path file = xor();
        Project start = ProjectFiles.load(file);
        // One run of 10 epochs, keeping its weights and Adam's moments every 5.
        Project straight = ProjectSession.open(start, dir).train(10, 5, List.of()).project();
        ProjectFiles.save(straight, file);
        Project reopened = ProjectFiles.load(file);
        Run parent = reopened.runs().find("r1").orElseThrow();
        var at5 = parent.checkpoints().get(0);
        assertEquals(5, at5.epoch());
        assertEquals("Adam", at5.loadOptimizer().kind());
        assertEquals(5 * 1, at5.loadOptimizer().iterations());

        // Fork from epoch 5 and train 5 more: the same weights as the parent's at 10, bit for bit.
        Project fork = reopened.restored(parent, 5, at5.load());
        assertEquals(5, fork.history().size());
        Project continued = train(fork, dir, 5);
        assertArrayEquals(straight.weights().snapshotValues().get("dense/kernel"),
                continued.weights().snapshotValues().get("dense/kernel"));
        assertArrayEquals(straight.weights().snapshotValues().get("dense_1/bias"),
                continued.weights().snapshotValues().get("dense_1/bias"));
        Run child = continued.runs().find("r2").orElseThrow();
        assertEquals("r1", child.parent());
        assertEquals(5, child.startEpoch());
        assertEquals(parent.history().get(9).metrics(), child.history().get(4).metrics());

        // Without the optimizer's state (moments fresh) the same fork lands elsewhere: the state is what made it exact.
        Project fresh = train(new Project(fork.name(), fork.graph(), fork.training(), fork.dataset(), fork.history(),
                fork.weights(), fork.runs().withHead(null)), dir, 5);
        assertFalse(java.util.Arrays.equals(straight.weights().snapshotValues().get("dense/kernel"),
                fresh.weights().snapshotValues().get("dense/kernel")));
    }
}
