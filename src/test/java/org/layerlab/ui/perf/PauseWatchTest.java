package org.layerlab.ui.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pause watch on a stand-in for the JavaFX thread: one thread that runs tasks in order. */
class PauseWatchTest {
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private final AtomicInteger posted = new AtomicInteger();
    private final PauseWatch watch = new PauseWatch(task -> {
        posted.incrementAndGet();
        fx.execute(task);
    });

    PauseWatchTest() {
        watch.setReport(true);
    }

    @AfterEach
    void shutDown() {
        fx.shutdownNow();
    }

    @Test
    void aRunThatDoesNotReportIsNotWatched() throws Exception {
        PauseWatch quiet = new PauseWatch(task -> {
            posted.incrementAndGet();
            fx.execute(task);
        });
        fx.submit(quiet::start).get();
        Thread.sleep(100);
        fx.submit(quiet::stop).get();
        assertEquals(0, posted.get());
    }

    private double longest() throws Exception {
        return fx.submit(watch::longestPauseMillis).get();
    }

    @Test
    void aBlockedThreadShowsAsAPauseAsLongAsTheBlock() throws Exception {
        fx.submit(watch::start).get();
        Thread.sleep(100);
        double before = longest();
        fx.execute(() -> sleep(200));
        Thread.sleep(350);
        double after = longest();
        fx.submit(watch::stop).get();
        assertTrue(before < 150, "an idle thread paused " + before + " ms");
        // Heartbeats run 10 ms apart, then none for the 200 ms of the block.
        assertTrue(after >= 180 && after < 400, "a 200 ms block showed as " + after + " ms");
    }

    @Test
    void oneHeartbeatWaitsAtATimeAndNoneAfterStop() throws Exception {
        fx.submit(watch::start).get();
        fx.execute(() -> sleep(200));
        Thread.sleep(300);
        int duringBlockAndAfter = posted.get();
        fx.submit(watch::stop).get();
        int atStop = posted.get();
        Thread.sleep(100);
        // 30 beats in 300 ms, 20 of them while the one posted before the block waited.
        assertTrue(duringBlockAndAfter <= 15, duringBlockAndAfter + " heartbeats posted");
        assertTrue(duringBlockAndAfter >= 3, duringBlockAndAfter + " heartbeats posted");
        assertEquals(atStop, posted.get(), "heartbeats went on after stop");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
