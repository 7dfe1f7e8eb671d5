package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The warm-up runs in the background, a run's stop ends it after a batch, and it starts once only. */
class EngineWarmupTest {
    @Test
    void runsUntilStoppedThenNeverAgain() {
        EngineWarmup warmup = new EngineWarmup();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            warmup.begin();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!warmup.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(warmup.isRunning(), "the warm-up trains in the background");
            warmup.cancel();
            warmup.awaitEnd();
            assertFalse(warmup.isRunning());
            warmup.begin();
            Thread.sleep(100);
            assertFalse(warmup.isRunning(), "a stopped warm-up does not start again");
        });
    }
}
