package org.layerlab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * A loop body that reads its arguments from an {@link Args} holder instead of capturing them.
     * Written as a lambda that captures nothing, it is one object for the life of the program,
     * where a capturing lambda is a new object on every call (that is, every training step).
     */
    @FunctionalInterface
    public interface ArgsBody {
        void run(Args args, int from, int to);
    }

    /**
     * The arguments of one loop: a few arrays and numbers, named by position; the body knows what
     * it put where. One holder per calling thread ({@link #args()}), emptied after each loop. A
     * body must not start a loop of its own: it would overwrite the holder it is reading.
     */
    public static final class Args {
        public float[] a;
        public float[] b;
        public float[] c;
        public float[] d;
        public float[][] arrays;
        public int[] ints;
        public Object object;
        public double number;
        public double number2;
        public long count;
        public int width;
        private boolean running;

        private void clear() {
            a = null;
            b = null;
            c = null;
            d = null;
            arrays = null;
            ints = null;
            object = null;
        }
    }

    private static final ThreadLocal<Args> ARGS = ThreadLocal.withInitial(Args::new);
    // Plain RangeBody loops travel through the same job: the body rides in the job's own holder.
    private static final ArgsBody RUN_RANGE_BODY = (args, from, to) -> ((RangeBody) args.object).run(from, to);
    private static final Args RANGE_ARGS = new Args();

    private static final int THREADS = Math.max(1,
            Integer.getInteger("layerlab.threads", Runtime.getRuntime().availableProcessors()));
    // Below this many scalar operations a split costs more than it saves (handoff ≈ 1 µs).
    private static final long MIN_WORK_TO_SPLIT = 100_000;
    // At most 2^16 chunks fit the ticket: far beyond any core count this runs on.
    private static final int CHUNKS_PER_THREAD = 4;
    private static final long SPIN_NANOS = 200_000;
    private static final ReentrantLock OWNER = new ReentrantLock();
    private static final Worker[] WORKERS = new Worker[THREADS - 1];
    /**
     * The one job object, reused for every loop so that a training step allocates nothing here.
     * Only the OWNER lock's holder changes it, and only after the previous loop's chunks are all
     * done; workers notice a new loop by the generation number.
     */
    private static final Job JOB = new Job();
    private static volatile int generation;

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
     * The loop being run: its body and chunking, and one ticket that names the loop (high 32 bits)
     * and the chunks not yet taken, [front, back) (bits 0-15 and 16-31). The calling thread takes
     * chunks from the front and the workers from the back, each by compare-and-set, so a thread
     * can only take a chunk of the loop it read the ticket of.
     *
     * <p>Taking from both ends keeps the data where it was: the caller runs the first part of
     * every loop and the worker the last, so the part of the weights, gradients and moments one
     * core wrote in one loop is the part it reads in the next, from its own cache rather than the
     * other core's. With one queue in order, which core ran a chunk changed from loop to loop. In
     * the benchmark mlp (with its forward cut along k so that every loop splits the weights by
     * rows, see Gemm) this alone made the step 2-8% faster, both together 13-16% (session 18,
     * bench/StepAB.java, both orders).
     *
     * <p>The fields are written before the ticket is set for a loop, so a thread that took a chunk
     * sees them; and a loop cannot end (and its fields be rewritten) while one of its chunks is
     * taken and not done. An earlier design took chunks with a plain increment and compared the
     * index with {@code chunks} afterwards: a worker delayed between the two could compare an
     * index from one loop with the next loop's chunk count and run a chunk twice, or find no body
     * (seen once as a NullPointerException in a worker, under load).
     */
    private static final class Job {
        private static final long BACK = 1L << 16;
        ArgsBody body;
        Args args;
        int n;
        int chunks;
        private int loop;
        final AtomicLong ticket = new AtomicLong(0);
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        /** Opens the next loop for taking chunks; its fields must be written already. */
        void open() {
            loop++;
            ticket.set((long) loop << 32 | chunks * BACK);
        }

        /** Stops late threads from taking chunks of the loop that just ended. */
        void close() {
            ticket.set((long) loop << 32);
        }

        /** Runs chunks until none is left: from the front for the caller, from the back for a worker. */
        void runChunks(boolean fromBack) {
            long t = ticket.get();
            int mine = (int) (t >>> 32);
            while ((int) (t >>> 32) == mine) {
                int front = (int) (t & 0xffff);
                int back = (int) (t >>> 16 & 0xffff);
                if (front >= back) {
                    return;
                }
                int c = fromBack ? back - 1 : front;
                if (!ticket.compareAndSet(t, fromBack ? t - BACK : t + 1)) {
                    t = ticket.get();
                    continue;
                }
                try {
                    body.run(args, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks));
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
                t = ticket.get();
            }
        }
    }

    private static int chunks(int n, long work) {
        return (int) Math.min((long) THREADS * CHUNKS_PER_THREAD, Math.min(n, Math.max(1, work / MIN_WORK_TO_SPLIT)));
    }

    /**
     * Runs body over [0, n); work is the estimated number of scalar operations in the whole loop
     * and keeps small loops on the calling thread.
     */
    public static void range(int n, long work, RangeBody body) {
        int split = chunks(n, work);
        if (THREADS == 1 || split <= 1 || !OWNER.tryLock()) {
            body.run(0, n);
            return;
        }
        try {
            RANGE_ARGS.object = body;
            runLocked(n, split, RANGE_ARGS, RUN_RANGE_BODY);
        } finally {
            RANGE_ARGS.object = null;
            OWNER.unlock();
        }
    }

    /** The calling thread's argument holder, for {@link #range(int, long, Args, ArgsBody)}. */
    public static Args args() {
        Args args = ARGS.get();
        if (args.running) {
            // Filling it now would change the arguments under the loop that is reading them.
            throw new IllegalStateException("a loop body started another loop on the same thread");
        }
        return args;
    }

    /** Runs body over [0, n) with the arguments in args (from {@link #args()}), then empties args. */
    public static void range(int n, long work, Args args, ArgsBody body) {
        args.running = true;
        try {
            int split = chunks(n, work);
            if (THREADS == 1 || split <= 1 || !OWNER.tryLock()) {
                body.run(args, 0, n);
                return;
            }
            try {
                runLocked(n, split, args, body);
            } finally {
                OWNER.unlock();
            }
        } finally {
            args.running = false;
            args.clear();
        }
    }

    private static void runLocked(int n, int split, Args args, ArgsBody body) {
        Job job = JOB;
        job.body = body;
        job.args = args;
        job.n = n;
        job.chunks = split;
        job.failure = null;
        job.done.set(0);
        job.open();
        generation++;
        for (Worker w : WORKERS) {
            w.wake();
        }
        job.runChunks(false);
        while (job.done.get() < split) {
            Thread.onSpinWait();
        }
        job.close();
        job.body = null;
        job.args = null;
        Throwable t = job.failure;
        if (t instanceof RuntimeException r) {
            throw r;
        } else if (t instanceof Error e) {
            throw e;
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
            int seen = generation;
            while (true) {
                long spinStart = System.nanoTime();
                int spins = 0;
                while (generation == seen) {
                    if ((++spins & 63) != 0) {
                        Thread.onSpinWait();
                    } else if (System.nanoTime() - spinStart < SPIN_NANOS) {
                        // Let another runnable thread (the window's) have this core if it wants
                        // it; with nothing else to run this returns at once.
                        Thread.yield();
                    } else {
                        parked = true;
                        if (generation == seen) {
                            LockSupport.park(this);
                        }
                        parked = false;
                        spinStart = System.nanoTime();
                    }
                }
                seen = generation;
                JOB.runChunks(true);
            }
        }
    }
}
