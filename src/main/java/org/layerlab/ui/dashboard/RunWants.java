package org.layerlab.ui.dashboard;

/** The copies a tab needs a run to make while it is open: the watched layer's weights, every layer's health, the decision grid. */
record RunWants(boolean weights, boolean health, boolean boundary) {
    static final RunWants NOTHING = new RunWants(false, false, false);
    static final RunWants WEIGHTS = new RunWants(true, false, false);
    static final RunWants HEALTH = new RunWants(false, true, false);
    static final RunWants BOUNDARY = new RunWants(false, false, true);
}
