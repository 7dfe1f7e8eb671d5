package org.layerlab.training;

import java.util.List;
import java.util.Random;

import org.layerlab.data.ArrayDataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

/**
 * Trains a small throwaway CNN in the background so that the JIT has compiled the engine's
 * kernels before a person's first run. Until C2 compiles them, the vector kernels allocate a box
 * per operation: a cold run's first half-second filled the young generation, and its first
 * collection (copying the run's new buffers while C2 took the other core) paused the window for
 * 50-63 ms in 3 of 5 runs; after a warm-up, in none of 5 (longest 48 ms).
 *
 * <p>The window starts it when it opens; a run stops it (after its current batch), so the two
 * never share the thread pool for longer than a step.
 */
public final class EngineWarmup {
    private static final int SAMPLES = 256;
    private static final int EPOCHS = 6;
    /** The window's warm-up: one per process. */
    private static final EngineWarmup PROCESS = new EngineWarmup();
    private Trainer running;
    private Thread thread;
    private boolean stopped;

    EngineWarmup() {
    }

    /** Starts the process's warm-up on a background thread, once, unless a run has stopped it already. */
    public static void start() {
        PROCESS.begin();
    }

    /** Ends the process's warm-up after its current batch, or keeps it from starting (a run is starting). */
    public static void stop() {
        PROCESS.cancel();
    }

    /** Runs task on a thread of its own once the process's warm-up has ended (at once if none was started). */
    public static void whenDone(Runnable task) {
        Thread t = new Thread(() -> {
            try {
                PROCESS.awaitEnd();
                task.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "layerlab-after-warmup");
        t.setDaemon(true);
        t.start();
    }

    synchronized void begin() {
        if (thread != null || stopped) {
            return;
        }
        thread = new Thread(this::run, "layerlab-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void run() {
        // Built here, not on the caller's (the JavaFX) thread: the first network loads the layers' classes.
        Trainer trainer = new Trainer(network(), TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, EPOCHS)
                .withBatchSize(32).withOptimizer(OptimizerSpec.of("adam", 0.001)));
        synchronized (this) {
            if (stopped) {
                return;
            }
            running = trainer;
        }
        trainer.fit(images());
        synchronized (this) {
            running = null;
        }
    }

    synchronized void cancel() {
        stopped = true;
        if (running != null) {
            running.requestStop();
        }
    }

    void awaitEnd() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join();
        }
    }

    synchronized boolean isRunning() {
        return running != null;
    }

    /** The layers a typical project trains: convolution, pooling, dense, with Adam. */
    private static Network network() {
        return Sequential.input(Shape.of(28, 28, 1)).add(new Conv2D(32, 3, "relu")).add(new MaxPooling2D(2))
                .add(new Conv2D(64, 3, "relu")).add(new MaxPooling2D(2)).add(new Flatten())
                .add(new Dense(64, "relu")).add(new Dense(10, "softmax")).build(1);
    }

    private static ArrayDataset images() {
        Random random = new Random(1);
        float[] x = new float[SAMPLES * 28 * 28];
        float[] y = new float[SAMPLES];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        for (int i = 0; i < SAMPLES; i++) {
            y[i] = random.nextInt(10);
        }
        return new ArrayDataset(x, Shape.of(28, 28, 1), y, 1, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }
}
