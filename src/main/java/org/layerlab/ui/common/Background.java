package org.layerlab.ui.common;

/**
 * Where the window's background work runs (reading data, preparing a run, scanning a folder of
 * images): one place, so a test can run it another way ({@link #useForTests}) and the window
 * starts no threads of its own elsewhere. Each task gets a named daemon thread, so a thread dump
 * says what is running and an open task never keeps the program alive.
 */
public final class Background {
    /** Runs a named task somewhere other than the JavaFX thread (or, in tests, wherever the test wants). */
    @FunctionalInterface
    public interface Runner {
        void run(String name, Runnable task);
    }

    private static final Runner THREADS = (name, task) -> {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    };
    private static volatile Runner runner = THREADS;

    private Background() {
    }

    public static void run(String name, Runnable task) {
        runner.run(name, task);
    }

    /** Tests: run tasks with r, e.g. {@code (name, task) -> task.run()} to run them at once; null restores threads. */
    public static void useForTests(Runner r) {
        runner = r == null ? THREADS : r;
    }
}
