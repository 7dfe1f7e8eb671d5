package org.layerlab.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits a loop over [0, n) into one contiguous chunk per thread. Chunks are fixed by n and the
 * thread count alone, so results do not depend on scheduling (each output is written by one chunk).
 * The thread count comes from the system property {@code layerlab.threads} (default: all cores).
 */
public final class Parallel {
    /** A loop body over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static final int THREADS = Math.max(1,
            Integer.getInteger("layerlab.threads", Runtime.getRuntime().availableProcessors()));
    // Below this many scalar operations a fork costs more than it saves.
    private static final long MIN_WORK_TO_SPLIT = 40_000;
    private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS - 1) : null;

    private Parallel() {
    }

    public static int threads() {
        return THREADS;
    }

    /**
     * Runs body over [0, n) in up to {@link #threads()} chunks; work is the estimated number of
     * scalar operations in the whole loop and keeps small loops on the calling thread.
     */
    public static void range(int n, long work, RangeBody body) {
        int chunks = (int) Math.min(THREADS, Math.min(n, Math.max(1, work / MIN_WORK_TO_SPLIT)));
        if (chunks <= 1 || POOL == null) {
            body.run(0, n);
            return;
        }
        @SuppressWarnings("unchecked")
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks - 1];
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks[c - 1] = POOL.submit(() -> body.run(from, to));
        }
        body.run(0, (int) ((long) n / chunks));
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }
}
