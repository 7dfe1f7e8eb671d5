package org.layerlab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits a loop over [0, n) into one contiguous chunk per thread. Chunks are fixed by n and the
 * thread count alone, so results do not depend on scheduling (each output is written by one chunk).
 * The thread count comes from the system property {@code layerlab.threads} (default: all cores).
 *
 * <p>Training calls this thousands of times a second for work of tens of microseconds, where
 * waking a parked pool thread (tens of microseconds) would cost as much as the work. So the
 * workers spin for a short while after each job and only then park; the caller runs chunk 0
 * itself. One caller uses the workers at a time; a concurrent caller runs its loop inline.
 */
public final class Parallel {
    /** A loop body over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    private static final int THREADS = Math.max(1,
            Integer.getInteger("layerlab.threads", Runtime.getRuntime().availableProcessors()));
    // Below this many scalar operations a split costs more than it saves (handoff ≈ 1 µs).
    private static final long MIN_WORK_TO_SPLIT = 100_000;
    private static final long SPIN_NANOS = 200_000;
    private static final ReentrantLock OWNER = new ReentrantLock();
    private static final AtomicInteger REMAINING = new AtomicInteger();
    private static final Worker[] WORKERS = new Worker[THREADS - 1];
    private static volatile long epoch;
    private static RangeBody job;
    private static int jobN;
    private static int jobChunks;
    private static volatile Throwable failure;

    static {
        for (int i = 0; i < WORKERS.length; i++) {
            WORKERS[i] = new Worker(i + 1);
            WORKERS[i].start();
        }
    }

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
        if (chunks <= 1 || !OWNER.tryLock()) {
            body.run(0, n);
            return;
        }
        try {
            job = body;
            jobN = n;
            jobChunks = chunks;
            failure = null;
            REMAINING.set(chunks - 1);
            epoch++;
            for (int w = 0; w < chunks - 1; w++) {
                WORKERS[w].wake();
            }
            Throwable mine = null;
            try {
                body.run(0, bound(n, chunks, 1));
            } catch (Throwable t) {
                mine = t;
            }
            while (REMAINING.get() > 0) {
                Thread.onSpinWait();
            }
            job = null;
            Throwable t = mine != null ? mine : failure;
            if (t instanceof RuntimeException r) {
                throw r;
            } else if (t instanceof Error e) {
                throw e;
            }
        } finally {
            OWNER.unlock();
        }
    }

    private static int bound(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /** A pool thread that runs chunk {@code index} of each job that has that many chunks. */
    private static final class Worker extends Thread {
        private final int index;
        private volatile boolean parked;

        Worker(int index) {
            super("layerlab-worker-" + index);
            this.index = index;
            setDaemon(true);
        }

        void wake() {
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long spinStart = System.nanoTime();
                int spins = 0;
                while (epoch == seen) {
                    if ((++spins & 63) != 0 || System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (epoch == seen) {
                            LockSupport.park(this);
                        }
                        parked = false;
                        spinStart = System.nanoTime();
                    }
                }
                seen = epoch;
                if (index < jobChunks) {
                    try {
                        job.run(bound(jobN, jobChunks, index), bound(jobN, jobChunks, index + 1));
                    } catch (Throwable t) {
                        failure = t;
                    } finally {
                        REMAINING.decrementAndGet();
                    }
                }
            }
        }
    }
}
