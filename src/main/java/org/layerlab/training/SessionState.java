package org.layerlab.training;

/** Where a {@link TrainingSession} is: not started, running, paused, stopping, or finished. */
public enum SessionState { IDLE, RUNNING, PAUSED, STOPPING, FINISHED }
