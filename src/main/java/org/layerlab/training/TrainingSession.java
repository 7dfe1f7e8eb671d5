package org.layerlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.layerlab.data.Dataset;
import org.layerlab.data.Split;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.optimizers.Optimizer;
import org.layerlab.nn.optimizers.OptimizerSpec;

/**
 * A training run on its own thread, controlled from any thread: start, pause, resume, stop (in
 * any order, any number of times; a call that does not apply in the current state is ignored).
 * Events go to the listeners on the training thread; between batches, at a bounded rate, the
 * session also copies the watched layer's weights and, for low-dimensional data, the network's
 * output over a grid. The final {@link TrainingResult} is delivered exactly once.
 */
public final class TrainingSession {
    /** The name of the thread a session trains on (what --report counts as training). */
    public static final String THREAD_NAME = "layerlab-training";
    /** Copies for the views no more often than this by default; a UI sets its own pace ({@link #snapshotEvery}). */
    private static final long DEFAULT_SNAPSHOT_NANOS = 400_000_000L;
    /** How often the weights are copied while no view shows them: enough for the histograms' history. */
    private static final long BACKGROUND_WEIGHTS_NANOS = 2_000_000_000L;

    private volatile long snapshotNanos = DEFAULT_SNAPSHOT_NANOS;

    /** Copies for the views at most this often: as often as the UI shows them, since the rest would be dropped unseen. */
    public TrainingSession snapshotEvery(long nanos) {
        snapshotNanos = nanos;
        return this;
    }

    /**
     * The copies the views need between batches. Each costs the training thread a pass over the
     * watched layer (weights, with their distributions) or the whole network (health), during
     * which the pool's other threads wait: 1.6% of an mlp run's training thread went to copies
     * no one was looking at.
     */
    public record Wanted(boolean weights, boolean health, boolean boundary, boolean sharedScale) {
        public static final Wanted ALL = new Wanted(true, true, true, true);
        /** No view is looking: only the background copy for the histograms' history is made. */
        public static final Wanted NONE = new Wanted(false, false, false, false);

        public Wanted(boolean weights, boolean health, boolean boundary) {
            this(weights, health, boundary, false);
        }
    }
    private final Network net;
    private final Trainer trainer;
    private final Dataset train;
    private final Dataset validation;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.IDLE);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String watchedNode;
    /** Settings changed from another thread, taken by the training thread at the next batch as one. */
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private volatile TrainingResult result;
    private Consumer<WeightSnapshot> weightSink = s -> { };
    private Consumer<HealthSnapshot> healthSink = s -> { };
    private Consumer<ConfusionMatrix> confusionSink;
    private Consumer<Snapshot> epochSink;
    private List<EpochSnapshot> epochSnapshots = List.of();
    /** Counts the confusion matrix during the validation pass the metrics make anyway. */
    private ConfusionMatrix.Counter confusion;
    private final List<EpochEvent> epochs = new ArrayList<>();
    private Consumer<BoundarySnapshot> boundarySink;
    private double[] bounds;
    private long lastSnapshot;
    private long lastWeights;
    private volatile Wanted wanted = Wanted.ALL;
    private volatile boolean wantedChanged;
    private volatile long steps;
    private Thread thread;

    /**
     * validation: the data to validate on after each epoch; null to hold out the config's
     * validation split of train instead (no validation when the split is 0), as {@code train} does.
     */
    public TrainingSession(Network net, TrainingConfig config, Dataset train, Dataset validation) {
        this.net = net;
        this.trainer = new Trainer(net, config);
        if (validation == null && config.validationSplit() > 0) {
            // The same hold-out as headless training (Trainer.fit), kept here so the confusion
            // matrix is made on it too.
            Split split = Split.of(train, config.validationSplit(), config.seed());
            this.train = train.subset(split.train());
            this.validation = train.subset(split.holdOut());
        } else {
            this.train = train;
            this.validation = validation;
        }
    }

    public TrainingSession addListener(TrainingListener l) {
        listeners.add(l);
        return this;
    }

    /** Receives weight snapshots of the watched layer (see {@link #watch}). */
    public TrainingSession onWeights(Consumer<WeightSnapshot> sink) {
        this.weightSink = sink;
        return this;
    }

    /**
     * Receives the network's output over a grid: of the one or two features, or of the plane
     * through more of them; bounds are the ranges to cover (minX, maxX, minY, maxY).
     */
    public TrainingSession onBoundary(Consumer<BoundarySnapshot> sink, double[] featureBounds, BoundaryPlane through) {
        this.boundarySink = sink;
        this.bounds = featureBounds;
        this.plane = through;
        return this;
    }

    /** For more than two features: the plane the regions are drawn in (null: none drawn). */
    private BoundaryPlane plane;

    /** Receives per-layer health at the snapshot rate. */
    public TrainingSession onHealth(Consumer<HealthSnapshot> sink) {
        this.healthSink = sink;
        return this;
    }

    /** Receives these views' snapshots after each epoch (see {@link EpochSnapshot}). */
    public TrainingSession atEachEpoch(Consumer<Snapshot> sink, List<EpochSnapshot> snapshots) {
        this.epochSink = sink;
        this.epochSnapshots = List.copyOf(snapshots);
        return this;
    }

    /** Receives the confusion matrix on the validation data after each epoch (classification only). */
    public TrainingSession onConfusion(Consumer<ConfusionMatrix> sink) {
        this.confusionSink = sink;
        return this;
    }

    /** The layer whose weights are copied for the views (null for none). */
    public void watch(String nodeId) {
        watchedNode = nodeId;
        // A layer clicked while its heatmap is on screen shows from the next batch.
        wantedChanged = true;
    }

    /**
     * Copies only what the views show (all of it until told otherwise); what is newly wanted
     * comes with the next batch. The weights are still copied every two seconds while hidden.
     */
    public void want(Wanted w) {
        wanted = w;
        wantedChanged = true;
    }

    public SessionState state() {
        return state.get();
    }

    public Trainer trainer() {
        return trainer;
    }

    public void start() {
        if (!state.compareAndSet(SessionState.IDLE, SessionState.RUNNING)) {
            return;
        }
        if (confusionSink != null && validation != null && validation.isClassification()) {
            confusion = new ConfusionMatrix.Counter(validation.classNames());
            trainer.observeValidation(confusion);
        }
        trainer.addListener(new Snapshots());
        listeners.forEach(trainer::addListener);
        thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        TrainingResult r;
        try {
            r = trainer.fit(train, validation);
        } catch (RuntimeException | OutOfMemoryError e) {
            String msg = e instanceof OutOfMemoryError
                    ? "Training ran out of memory: use a smaller batch size or network, or give Java more memory (-Xmx)."
                    : e.getMessage();
            r = new TrainingResult(TrainingResult.Outcome.FAILED, List.of(), 0, msg, null);
            TrainingResult failed = r;
            listeners.forEach(l -> l.onFinished(failed));
        }
        result = r;
        state.set(SessionState.FINISHED);
        finished.countDown();
    }

    public void pause() {
        if (state.compareAndSet(SessionState.RUNNING, SessionState.PAUSED)) {
            trainer.pauseGate().pause();
        }
    }

    public void resume() {
        if (state.compareAndSet(SessionState.PAUSED, SessionState.RUNNING)) {
            trainer.pauseGate().resume();
        }
    }

    /** While paused: trains one more batch, then holds again (the math view's step-by-step). */
    public void stepOnce() {
        if (state.get() == SessionState.PAUSED) {
            trainer.pauseGate().stepOnce();
        }
    }

    /**
     * Follows one weight through the run's optimizer steps (its gradient, the optimizer's state
     * for it, the rate and the change), the last {@link WeightTrace#KEPT} of them; null when the
     * network has no such parameter. Call before {@link #start}.
     */
    public WeightTrace trace(String nodeId, String param, int index) {
        Parameter p = net.parameters().stream().filter(x -> x.nodeId().equals(nodeId) && x.name().equals(param))
                .findFirst().orElse(null);
        if (p == null || index < 0 || index >= p.size()) {
            return null;
        }
        WeightTrace t = new WeightTrace(p, index, trainer::optimizer);
        trainer.addListener(t);
        return t;
    }

    public void stop() {
        SessionState s = state.get();
        if ((s == SessionState.RUNNING || s == SessionState.PAUSED) && state.compareAndSet(s, SessionState.STOPPING)) {
            trainer.requestStop();
        } else if (s == SessionState.IDLE && state.compareAndSet(s, SessionState.FINISHED)) {
            result = new TrainingResult(TrainingResult.Outcome.STOPPED, List.of(), 0, null, null);
            listeners.forEach(l -> l.onFinished(result));
            finished.countDown();
        }
    }

    /** Changes the learning rate from the next batch on (typically while paused). */
    public void setLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be a positive number. Received: " + rate);
        }
        pending.updateAndGet(p -> new Pending(p == null ? null : p.optimizer(), rate));
    }

    /**
     * Goes on with these optimizer settings from the next batch (typically while paused). The
     * moments are kept when the kind stays the same; see {@link Optimizer#continueFrom}.
     * A rate set with {@link #setLearningRate} after this call applies on top of these settings;
     * one set before it and not yet taken is replaced by theirs.
     */
    public void setOptimizer(OptimizerSpec spec) {
        Objects.requireNonNull(spec, "optimizer");
        // The later change wins: these settings carry a rate of their own.
        pending.set(new Pending(spec, null));
    }

    /** What the next batch changes: new optimizer settings, then a rate (either may be null). */
    private record Pending(OptimizerSpec optimizer, Double learningRate) {
    }

    /** Waits for the run to end; returns its result, or null on timeout. */
    public TrainingResult await(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit) ? result : null;
    }

    public TrainingResult result() {
        return result;
    }

    /** Batches trained so far in this run, counted across epochs (readable from any thread). */
    public long steps() {
        return steps;
    }

    /** Runs on the training thread between batches: optimizer and rate changes, and bounded-rate copies. */
    private final class Snapshots implements TrainingListener {
        @Override
        public void beforeBatch() {
            // A plain read first: most batches change nothing, and a swap would write every time.
            Pending change = pending.get() == null ? null : pending.getAndSet(null);
            if (change != null) {
                if (change.optimizer() != null) {
                    trainer.replaceOptimizer(change.optimizer().create());
                }
                if (change.learningRate() != null) {
                    trainer.optimizer().setLearningRate(change.learningRate());
                }
            }
        }

        @Override
        public void onBatch(BatchEvent e) {
            steps = e.step();
            long now = System.nanoTime();
            boolean changed = wantedChanged;
            if (!changed && now - lastSnapshot < snapshotNanos) {
                return;
            }
            wantedChanged = false;
            lastSnapshot = now;
            Wanted w = wanted;
            if (w.weights() || now - lastWeights >= BACKGROUND_WEIGHTS_NANOS) {
                lastWeights = now;
                snapshotWeights(e.step(), w.weights() && w.sharedScale());
            }
            if (w.boundary()) {
                snapshotBoundary(e.step());
            }
            if (w.health()) {
                snapshotHealth(e.step(), e.learningRate(), e.loss());
            }
        }

        @Override
        public void onEpoch(EpochEvent e) {
            lastSnapshot = 0;
            epochs.add(e);
            if (confusion != null) {
                confusionSink.accept(confusion.finish(e.epoch()));
            }
            for (EpochSnapshot maker : epochSnapshots) {
                Snapshot taken = maker.take(net, steps, e.epoch());
                if (taken != null) {
                    epochSink.accept(taken);
                }
            }
        }
    }

    private void snapshotWeights(long step, boolean sharedScale) {
        String id = watchedNode;
        WeightSnapshot s = id == null ? null : WeightSnapshot.of(id, step, net.parameters(), sharedScale);
        if (s != null) {
            weightSink.accept(s);
        }
    }

    private void snapshotHealth(long step, double lr, double loss) {
        healthSink.accept(HealthSnapshot.measure(net, step, lr, loss, HealthSnapshot.overfitting(epochs)));
    }

    private void snapshotBoundary(long step) {
        BoundarySnapshot b = boundarySink == null ? null : BoundarySnapshot.of(net, bounds, step, plane);
        if (b != null) {
            boundarySink.accept(b);
        }
    }
}
