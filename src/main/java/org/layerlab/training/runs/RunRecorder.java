package org.layerlab.training.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.layerlab.nn.network.Network;
import org.layerlab.training.EpochEvent;
import org.layerlab.training.TrainingConfig;
import org.layerlab.training.TrainingListener;

/**
 * Listens to a run from its start: when it began, with which settings, and a checkpoint (a copy
 * of the weights) every {@code every} epochs (0: only the weights it ends with, which the
 * project records when the run ends). A copy costs the weights' size once per checkpoint, on
 * the training thread, between epochs.
 */
public final class RunRecorder implements TrainingListener {
    private final Instant started = Instant.now();
    private final TrainingConfig config;
    private final Network network;
    private final int every;
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    public RunRecorder(Network network, TrainingConfig config, int every) {
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
            checkpoints.add(Checkpoint.of(e.epoch(), network.parameterStore()));
        }
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
