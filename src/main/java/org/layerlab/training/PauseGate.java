package org.layerlab.training;

/** Holds the training thread between batches while paused; pause and resume from any thread. */
public final class PauseGate {
    private boolean paused;
    /** Batches let through while paused ({@link #stepOnce}). */
    private int allowance;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        allowance = 0;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** While paused: lets one more batch through, then holds again. */
    public synchronized void stepOnce() {
        if (paused) {
            allowance++;
            notifyAll();
        }
    }

    /** Returns at once unless paused; otherwise waits for resume (an interrupt also releases it) or a step. */
    public synchronized void awaitIfPaused() {
        while (paused) {
            if (allowance > 0) {
                allowance--;
                return;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
