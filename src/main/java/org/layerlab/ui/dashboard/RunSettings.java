package org.layerlab.ui.dashboard;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.function.LongSupplier;

import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.TrainingSession;
import org.layerlab.ui.common.SettingFormat;

/**
 * Settings changed while a run goes on: the Train panel's rate field and the optimizer's
 * settings in the inspector reach the run before its next batch and are marked on the charts;
 * the other training settings wait for the next run, and the status line says so. What it
 * says is held there for a few seconds, over the progress line that would replace it at once.
 */
final class RunSettings {
    private static final long HOLD_NANOS = 4_000_000_000L;
    private final DashboardView view;
    private final LongSupplier step;
    private TrainingSession session;
    /** The rate set with Set rate for the run going on (null: the settings' own). */
    private Double runRate;
    private long holdUntil;

    RunSettings(DashboardView view, LongSupplier currentStep) {
        this.view = view;
        this.step = currentStep;
    }

    void runStarted(TrainingSession s) {
        session = s;
        runRate = null;
        holdUntil = 0;
    }

    void runEnded() {
        session = null;
    }

    /** Whether a message of this class should stay on the status line rather than the progress. */
    boolean holdsStatus() {
        return System.nanoTime() < holdUntil;
    }

    /** The rate field's value for the run going on; false when it is not a positive number. */
    boolean applyRate(String text) {
        double r;
        try {
            r = Double.parseDouble(text.trim());
            if (session != null) {
                session.setLearningRate(r);
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (session != null) {
            runRate = r;
            say("Learning rate " + r + " from the next batch (marked on the charts).", true);
        }
        return true;
    }

    /**
     * The project's training settings changed during the run. A rate set with Set rate stays
     * unless the new optimizer settings change the rate themselves.
     */
    void changed(TrainingConfig before, TrainingConfig after) {
        if (session == null) {
            return;
        }
        OptimizerChange change = OptimizerChange.between(before.optimizer(), after.optimizer());
        if (change == null) {
            say("Changed settings apply to the next run; this one goes on with the settings it started with"
                    + " (the optimizer's settings excepted: they apply at once).", false);
            return;
        }
        session.setOptimizer(after.optimizer());
        if (!change.rateChanged() && runRate != null) {
            session.setLearningRate(runRate);
        } else {
            runRate = null;
            view.rate.setText(SettingFormat.of(after.optimizer().schedule().initial()));
        }
        say(change.describe() + " from the next batch (marked on the charts).", true);
    }

    /**
     * The graph was edited during the run: say that the run goes on with the network it started
     * with (unless the edit only moved nodes or renamed them, which changes nothing it trains).
     */
    void graphEdited(NetworkGraph before, NetworkGraph after) {
        if (session != null && !sameNetwork(before, after)) {
            say("This run trains the network as it was when it started; the edit applies to the next run.", false);
        }
    }

    static boolean sameNetwork(NetworkGraph a, NetworkGraph b) {
        Map<String, Object> specsA = new HashMap<>();
        a.nodes().forEach(n -> specsA.put(n.id(), n.spec()));
        Map<String, Object> specsB = new HashMap<>();
        b.nodes().forEach(n -> specsB.put(n.id(), n.spec()));
        return specsA.equals(specsB) && new HashSet<>(a.edges()).equals(new HashSet<>(b.edges()));
    }

    private void say(String message, boolean mark) {
        if (mark) {
            view.loss.mark(step.getAsLong());
            view.accuracy.mark(step.getAsLong());
        }
        view.statusLine.say(message);
        holdUntil = System.nanoTime() + HOLD_NANOS;
    }
}
