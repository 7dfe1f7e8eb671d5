package org.layerlab.training;

/** Holds the training thread between batches while paused; pause and resume from any thread. */
public final class PauseGate {
    private boolean paused;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Returns at once unless paused; otherwise waits for resume (an interrupt also releases it). */
    public synchronized void awaitIfPaused() {
        while (paused) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
