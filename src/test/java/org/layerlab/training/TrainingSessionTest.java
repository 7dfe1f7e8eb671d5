package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.Optimizer;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.nn.optimizers.Sgd;

class TrainingSessionTest {
    /** Two features, three classes: what TrainerBehaviourTest.blobs gives. */
    private static Network smallNet() {
        return Sequential.input(2).add(new Dense(8, "relu")).add(new Dense(3, "softmax")).build(1);
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, epochs).withBatchSize(8)
                .withOptimizer(OptimizerSpec.of("adam", 0.01));
    }

    private static TrainingSession session(int epochs, List<TrainingResult> finals) {
        ArrayDataset data = TrainerBehaviourTest.blobs(40, 1);
        Network net = smallNet();
        TrainingConfig cfg = config(epochs);
        TrainingSession s = new TrainingSession(net, cfg, data, null);
        s.addListener(new TrainingListener() {
            @Override
            public void onFinished(TrainingResult r) {
                synchronized (finals) {
                    finals.add(r);
                }
            }
        });
        return s;
    }

    @Test
    void thousandRapidControlSequencesNeverDeadlockOrLoseTheFinalEvent() throws Exception {
        Random rng = new Random(3);
        for (int i = 0; i < 1000; i++) {
            List<TrainingResult> finals = new ArrayList<>();
            TrainingSession s = session(1_000_000, finals);
            int ops = 1 + rng.nextInt(6);
            for (int k = 0; k < ops; k++) {
                switch (rng.nextInt(4)) {
                    case 0 -> s.start();
                    case 1 -> s.pause();
                    case 2 -> s.resume();
                    default -> s.stop();
                }
            }
            s.stop();
            TrainingResult r = s.await(10, TimeUnit.SECONDS);
            assertNotNull(r, "run " + i + " ended");
            assertEquals(SessionState.FINISHED, s.state());
            synchronized (finals) {
                assertEquals(1, finals.size(), "exactly one final event in run " + i);
            }
        }
    }

    /** Starts s, pauses it once five batches are done, and returns its batch events (the list keeps growing). */
    private static List<BatchEvent> startThenPauseAfterFiveBatches(TrainingSession s) throws InterruptedException {
        List<BatchEvent> batches = new CopyOnWriteArrayList<>();
        s.addListener(new TrainingListener() {
            @Override
            public void onBatch(BatchEvent e) {
                batches.add(e);
            }
        });
        s.start();
        while (batches.size() < 5) {
            Thread.sleep(1);
        }
        s.pause();
        // A batch under way when pause was asked for still finishes.
        Thread.sleep(50);
        return batches;
    }

    @Test
    void pauseHoldsTrainingAndARateChangeAppliesAfterResume() throws Exception {
        TrainingSession s = session(1_000_000, new ArrayList<>());
        List<BatchEvent> batches = startThenPauseAfterFiveBatches(s);
        int held = batches.size();
        Thread.sleep(100);
        assertTrue(batches.size() <= held + 1, "no batches while paused");
        s.setLearningRate(0.123);
        s.resume();
        while (batches.size() < held + 5) {
            Thread.sleep(1);
        }
        s.stop();
        TrainingResult r = s.await(10, TimeUnit.SECONDS);
        assertEquals(TrainingResult.Outcome.STOPPED, r.outcome());
        assertEquals(0.123, batches.get(batches.size() - 1).learningRate(), 1e-12);
    }

    @Test
    void optimizerSettingsChangedWhilePausedApplyFromTheNextBatch() throws Exception {
        TrainingSession s = session(1_000_000, new ArrayList<>());
        List<BatchEvent> batches = startThenPauseAfterFiveBatches(s);
        // A rate set before the new settings is replaced by theirs; one set after applies on top.
        s.setLearningRate(0.5);
        s.setOptimizer(OptimizerSpec.of("sgd", 0.05).with("momentum", 0.9));
        s.setLearningRate(0.02);
        int held = batches.size();
        s.resume();
        while (batches.size() < held + 5) {
            Thread.sleep(1);
        }
        s.stop();
        assertEquals(TrainingResult.Outcome.STOPPED, s.await(10, TimeUnit.SECONDS).outcome());
        Optimizer o = s.trainer().optimizer();
        assertEquals("SGD", o.kind());
        assertEquals(0.9, ((Sgd) o).momentum());
        assertEquals(0.02, batches.get(batches.size() - 1).learningRate(), 1e-12);
        assertTrue(batches.stream().skip(held).allMatch(b -> b.learningRate() == 0.02),
                "the first batch after resuming, and every one after it, used the new rate");
    }

    private static final long QUIET = 2_000_000_000L;

    @Test
    void aFeedKeepsOnlyTheNewestSnapshotOfEachKindAndSendsEpochlySnapshotsAtOnce() {
        List<CoalescingFeed.Delivery> got = new ArrayList<>();
        CoalescingFeed feed = new CoalescingFeed(Runnable::run, got::add, QUIET, QUIET);
        feed.onBatch(new BatchEvent(1, 1, 1, 10, 0.5, Map.of(), 0, 0.01));
        assertEquals(1, got.size());
        feed.offer(new HealthSnapshot(2, List.of(), false, 0.5));
        feed.offer(new HealthSnapshot(3, List.of(), true, 0.5));
        assertEquals(1, got.size(), "health waits for the pace");
        feed.offer(new ConfusionMatrix(4, List.of("a", "b"), new long[4]));
        assertEquals(2, got.size(), "a confusion matrix comes once an epoch and goes out at once");
        assertEquals(3, got.get(1).latest(HealthSnapshot.class).step(), "only the newest health snapshot");
        assertEquals(4, got.get(1).latest(ConfusionMatrix.class).step());
        assertEquals(null, got.get(1).latest(WeightSnapshot.class));
    }

    @Test
    void feedCoalescesAHundredThousandBatchEventsIntoFewDeliveries() {
        AtomicInteger delivered = new AtomicInteger();
        List<CoalescingFeed.Delivery> got = new ArrayList<>();
        CoalescingFeed feed = new CoalescingFeed(Runnable::run, d -> {
            got.add(d);
            delivered.addAndGet(d.events().size());
        }, 40_000_000L, QUIET);
        long start = System.nanoTime();
        for (int i = 1; i <= 100_000; i++) {
            feed.onBatch(new BatchEvent(i, 1, i, 100_000, 0.5, Map.of(), 0, 0.01));
        }
        feed.onFinished(new TrainingResult(TrainingResult.Outcome.COMPLETED, List.of(), 100_000, null, null));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(100_001, delivered.get(), "nothing is lost");
        assertTrue(got.size() <= 2 + seconds * 25, got.size() + " deliveries in " + seconds + " s");
        assertTrue(got.get(got.size() - 1).events().get(got.get(got.size() - 1).events().size() - 1) instanceof TrainingResult);
    }

    @Test
    void aQuietFeedHoldsEvenEpochEndsToItsSlowPaceButNotTheFinalResult() {
        List<CoalescingFeed.Delivery> got = new ArrayList<>();
        // No interval of its own: every event would go out at once but for the quiet pace.
        CoalescingFeed feed = new CoalescingFeed(Runnable::run, got::add, 0, QUIET);
        feed.onBatch(new BatchEvent(1, 1, 1, 10, 0.5, Map.of(), 0, 0.01));
        assertEquals(1, got.size());
        feed.setQuiet(true);
        for (int i = 2; i <= 1_000; i++) {
            feed.onBatch(new BatchEvent(i, 1 + i / 10, i % 10, 10, 0.5, Map.of(), 0, 0.01));
            if (i % 10 == 0) {
                feed.onEpoch(new EpochEvent(i / 10, Map.of("loss", 0.5), 0, 0.01, 0.1));
            }
        }
        assertEquals(1, got.size(), "within " + QUIET / 1e9 + " s of the last delivery");
        feed.onFinished(new TrainingResult(TrainingResult.Outcome.COMPLETED, List.of(), 1_000, null, null));
        assertEquals(2, got.size(), "the final result goes out at once");
        assertEquals(999 + 100 + 1, got.get(1).events().size(), "with everything that waited");
    }

    @Test
    void aFeedNoLongerQuietDeliversWhatWaitedAtOnce() {
        List<CoalescingFeed.Delivery> got = new ArrayList<>();
        CoalescingFeed feed = new CoalescingFeed(Runnable::run, got::add, 0, QUIET);
        feed.setQuiet(true);
        feed.onBatch(new BatchEvent(1, 1, 1, 10, 0.5, Map.of(), 0, 0.01));
        for (int i = 2; i <= 50; i++) {
            feed.onBatch(new BatchEvent(i, 1, i, 50, 0.5, Map.of(), 0, 0.01));
        }
        assertEquals(1, got.size(), "the first event finds no delivery made yet; the rest wait");
        feed.setQuiet(false);
        assertEquals(2, got.size());
        assertEquals(49, got.get(1).events().size());
    }

    @Test
    void snapshotsCopyTheWatchedLayerAndTheBoundaryGrid() throws Exception {
        List<TrainingResult> finals = new ArrayList<>();
        TrainingSession s = session(3, finals);
        List<WeightSnapshot> weights = new CopyOnWriteArrayList<>();
        List<BoundarySnapshot> grids = new CopyOnWriteArrayList<>();
        s.watch("dense");
        s.onWeights(weights::add).onBoundary(grids::add, new double[] {-4, 4, -3, 4}, null);
        s.start();
        TrainingResult r = s.await(30, TimeUnit.SECONDS);
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome());
        assertTrue(!weights.isEmpty() && !grids.isEmpty());
        assertEquals(2 * 8, weights.get(0).params().get(0).values().length);
        assertEquals(64 * 64, grids.get(0).values().length);
    }

    @Test
    void onlyTheCopiesTheOpenViewsWantAreMade() throws Exception {
        List<TrainingResult> finals = new ArrayList<>();
        TrainingSession s = session(1_000_000, finals);
        List<WeightSnapshot> weights = new CopyOnWriteArrayList<>();
        List<BoundarySnapshot> grids = new CopyOnWriteArrayList<>();
        List<HealthSnapshot> health = new CopyOnWriteArrayList<>();
        s.watch("dense");
        s.onWeights(weights::add).onBoundary(grids::add, new double[] {-4, 4, -3, 4}, null).onHealth(health::add);
        s.want(new TrainingSession.Wanted(false, true, false));
        long start = System.nanoTime();
        s.start();
        long until = start + 10_000_000_000L;
        while (health.size() < 3 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(health.size() >= 3, "health copies while wanted: " + health.size());
        assertTrue(grids.isEmpty(), "no boundary while its view is hidden");
        long twoSecondSpells = (System.nanoTime() - start) / 2_000_000_000L;
        assertTrue(weights.size() <= 1 + twoSecondSpells, "weights only every two seconds while hidden: " + weights.size());
        s.want(new TrainingSession.Wanted(true, false, true));
        int healthBefore = health.size();
        while ((weights.size() < 3 || grids.isEmpty()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        s.stop();
        assertEquals(TrainingResult.Outcome.STOPPED, s.await(30, TimeUnit.SECONDS).outcome());
        assertTrue(weights.size() >= 3 && !grids.isEmpty(), "copies once wanted");
        assertTrue(health.size() <= healthBefore + 1, "health stops when its view closes");
    }

    @Test
    void aValidationSplitIsHeldOutAsHeadlessTrainingHoldsItOut() throws Exception {
        ArrayDataset data = TrainerBehaviourTest.blobs(40, 1);
        Network net = smallNet();
        TrainingConfig cfg = config(2).withValidationSplit(0.25);
        List<ConfusionMatrix> matrices = new CopyOnWriteArrayList<>();
        TrainingSession s = new TrainingSession(net, cfg, data, null).onConfusion(matrices::add);
        s.start();
        TrainingResult r = s.await(30, TimeUnit.SECONDS);
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome());
        assertTrue(r.last().metrics().containsKey("val_loss"), "metrics: " + r.last().metrics().keySet());
        assertEquals(data.size() * 3 / 4, r.last().samplesPerSecond() * r.last().seconds(), 1.0, "trained on the rest");
        long validated = 0;
        ConfusionMatrix m = matrices.get(matrices.size() - 1);
        for (int t = 0; t < m.size(); t++) {
            for (int p = 0; p < m.size(); p++) {
                validated += m.count(t, p);
            }
        }
        assertEquals(data.size() - data.size() * 3 / 4, validated, "the confusion matrix counts the held-out quarter");
    }

    @Test
    void theConfusionMatrixComesFromTheValidationPassItself() throws Exception {
        ArrayDataset train = TrainerBehaviourTest.blobs(40, 1);
        ArrayDataset validation = TrainerBehaviourTest.blobs(15, 2);
        Network net = smallNet();
        TrainingConfig cfg = config(2);
        List<ConfusionMatrix> matrices = new CopyOnWriteArrayList<>();
        TrainingSession s = new TrainingSession(net, cfg, train, validation).onConfusion(matrices::add);
        s.start();
        assertEquals(TrainingResult.Outcome.COMPLETED, s.await(30, TimeUnit.SECONDS).outcome());
        assertEquals(2, matrices.size(), "one a epoch");
        ConfusionMatrix separate = ConfusionMatrix.of(net, validation, 2);
        assertArrayEquals(separate.counts(), matrices.get(1).counts(), "same predictions as a pass of its own");
        assertEquals(45, Arrays.stream(matrices.get(0).counts()).sum(), "each epoch counted afresh");
    }
}
