package org.layerlab.nn.schedules;

/** The learning rate as a function of the optimizer step (0 for the first update), as Keras schedules are. */
public interface LearningRateSchedule {
    double at(long step);

    /** The rate before any step, shown in settings. */
    default double initial() {
        return at(0);
    }
}
