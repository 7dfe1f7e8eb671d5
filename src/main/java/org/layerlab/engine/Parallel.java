package org.layerlab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits a loop over [0, n) into contiguous chunks that the calling thread and the pool's
 * workers take one at a time. Chunk boundaries depend only on n and the thread count, and each
 * output belongs to one chunk, so results do not depend on which thread ran what. Taking chunks
 * dynamically (four per thread) keeps both cores busy when one is briefly taken by something
 * else, such as the window redrawing. The thread count comes from {@code layerlab.threads}.
 *
 * <p>Training calls this thousands of times a second for work of tens of microseconds, where
 * waking a parked thread would cost as much as the work. So workers spin for a short while
 * after each job and only then park. One caller uses the workers at a time; a concurrent caller
 * runs its loop inline.
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
    private static final int CHUNKS_PER_THREAD = 4;
    private static final long SPIN_NANOS = 200_000;
    private static final ReentrantLock OWNER = new ReentrantLock();
    private static final Worker[] WORKERS = new Worker[THREADS - 1];
    private static volatile Job current;

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

    /** One loop being run: its body, chunking, the next chunk to take and how many are done. */
    private static final class Job {
        final RangeBody body;
        final int n;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(RangeBody body, int n, int chunks) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
        }

        void runChunks() {
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                try {
                    body.run((int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /**
     * Runs body over [0, n); work is the estimated number of scalar operations in the whole loop
     * and keeps small loops on the calling thread.
     */
    public static void range(int n, long work, RangeBody body) {
        int split = (int) Math.min((long) THREADS * CHUNKS_PER_THREAD, Math.min(n, Math.max(1, work / MIN_WORK_TO_SPLIT)));
        if (THREADS == 1 || split <= 1 || !OWNER.tryLock()) {
            body.run(0, n);
            return;
        }
        try {
            Job job = new Job(body, n, split);
            current = job;
            for (Worker w : WORKERS) {
                w.wake();
            }
            job.runChunks();
            while (job.done.get() < job.chunks) {
                Thread.onSpinWait();
            }
            Throwable t = job.failure;
            if (t instanceof RuntimeException r) {
                throw r;
            } else if (t instanceof Error e) {
                throw e;
            }
        } finally {
            OWNER.unlock();
        }
    }

    /** A pool thread that helps with each new job, spinning briefly between jobs. */
    private static final class Worker extends Thread {
        private volatile boolean parked;

        Worker(int index) {
            super("layerlab-worker-" + index);
            setDaemon(true);
        }

        void wake() {
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            Job seen = null;
            while (true) {
                long spinStart = System.nanoTime();
                int spins = 0;
                Job job;
                while ((job = current) == seen) {
                    if ((++spins & 63) != 0) {
                        Thread.onSpinWait();
                    } else if (System.nanoTime() - spinStart < SPIN_NANOS) {
                        // Let another runnable thread (the window's) have this core if it wants
                        // it; with nothing else to run this returns at once.
                        Thread.yield();
                    } else {
                        parked = true;
                        if (current == seen) {
                            LockSupport.park(this);
                        }
                        parked = false;
                        spinStart = System.nanoTime();
                    }
                }
                seen = job;
                job.runChunks();
            }
        }
    }
}
