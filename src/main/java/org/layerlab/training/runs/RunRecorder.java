package org.layerlab.training.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.layerlab.nn.network.Network;
import org.layerlab.nn.optimizers.Optimizer;
import org.layerlab.nn.optimizers.OptimizerState;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.TrainingListener;
import org.layerlab.training.TrainingResult;

/**
 * Listens to a run from its start: when it began, with which settings, and a checkpoint (a copy
 * of the weights and of the optimizer's state) every {@code every} epochs (0: only the weights it ends with, which the
 * project records when the run ends). A copy costs the weights' size once per checkpoint, on
 * the training thread, between epochs.
 */
public final class RunRecorder implements TrainingListener {
    private final Instant started = Instant.now();
    private final TrainingConfig config;
    private final Network network;
    private final int every;
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final Supplier<Optimizer> optimizer;
    private OptimizerState endState;

    /** optimizer: the run's live optimizer (it may be replaced mid-run), whose state each checkpoint keeps. */
    public RunRecorder(Network network, TrainingConfig config, int every, Supplier<Optimizer> optimizer) {
        this.optimizer = optimizer;
        if (every < 0) {
            throw new IllegalArgumentException("checkpoints every " + every + " epochs: give 0 (only at the end) or more");
        }
        this.network = network;
        this.config = config;
        this.every = every;
    }

    @Override
    public void onEpoch(EpochEvent e) {
        if (every > 0 && e.epoch() % every == 0) {
            checkpoints.add(Checkpoint.of(e.epoch(), network.parameterStore(), optimizer.get().state()));
        }
    }

    @Override
    public void onFinished(TrainingResult r) {
        // On the training thread, as the run ends: the state that goes with the weights it ends with.
        endState = optimizer.get().state();
    }

    /** The optimizer's state where the run ended (null before it ended). */
    public OptimizerState endState() {
        return endState;
    }

    public Instant started() {
        return started;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The checkpoints so far, then the end's (replacing one of the same epoch: a run that ended there). */
    public List<Checkpoint> checkpointsEndingWith(Checkpoint end) {
        List<Checkpoint> all = new ArrayList<>(checkpoints);
        if (end != null) {
            all.removeIf(c -> c.epoch() == end.epoch());
            all.add(end);
        }
        return all;
    }
}
