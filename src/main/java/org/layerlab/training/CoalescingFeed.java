package org.layerlab.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries training events to a UI thread without either side waiting on the other: {@link
 * RunEvent}s queue up, {@link Snapshot}s are latest-wins per kind, and at most one delivery is
 * pending on the UI executor at a time, started no more often than every {@code intervalNanos}
 * for batch events (epoch ends, snapshots that ask for it, and the final result go out at once;
 * while the feed is quiet, every {@code quietIntervalNanos}, and only the final result at once).
 * The executor and the pace are the UI's: {@code Platform::runLater} in the window, a direct
 * executor in tests.
 */
public final class CoalescingFeed implements TrainingListener {
    /** Everything that arrived since the last delivery: the run's events in order and the newest snapshot of each kind. */
    public record Delivery(List<RunEvent> events, Map<Class<? extends Snapshot>, Snapshot> snapshots) {
        public Delivery {
            events = List.copyOf(events);
            snapshots = Map.copyOf(snapshots);
        }

        /** The newest snapshot of this kind in this delivery, or null. */
        public <T extends Snapshot> T latest(Class<T> kind) {
            return kind.cast(snapshots.get(kind));
        }
    }

    private final Executor ui;
    private final Consumer<Delivery> sink;
    private final long intervalNanos;
    private final long quietIntervalNanos;
    private final ConcurrentLinkedQueue<RunEvent> events = new ConcurrentLinkedQueue<>();
    private final Map<Class<? extends Snapshot>, Snapshot> latest = new ConcurrentHashMap<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastDelivery;
    private volatile boolean quiet;
    private long deliveries;

    public CoalescingFeed(Executor ui, Consumer<Delivery> sink, long intervalNanos, long quietIntervalNanos) {
        this.ui = ui;
        this.sink = sink;
        this.intervalNanos = intervalNanos;
        this.quietIntervalNanos = Math.max(quietIntervalNanos, intervalNanos);
    }

    @Override
    public void onBatch(BatchEvent e) {
        events.add(e);
        schedule(false);
    }

    @Override
    public void onEpoch(EpochEvent e) {
        events.add(e);
        schedule(!quiet);
    }

    @Override
    public void onFinished(TrainingResult r) {
        events.add(r);
        schedule(true);
    }

    /** Keeps the newest snapshot of its kind for the next delivery. */
    public void offer(Snapshot s) {
        latest.put(s.getClass(), s);
        schedule(s.deliverAtOnce() && !quiet);
    }

    /**
     * Quiet: deliveries every quiet interval at most, epoch ends included; only the final result
     * goes out at once. Not quiet: back to the feed's own pace, from a delivery now.
     */
    public void setQuiet(boolean on) {
        quiet = on;
        if (!on) {
            schedule(true);
        }
    }

    private void schedule(boolean urgent) {
        long interval = quiet ? quietIntervalNanos : intervalNanos;
        if (!urgent && System.nanoTime() - lastDelivery < interval) {
            return;
        }
        if (pending.compareAndSet(false, true)) {
            ui.execute(this::deliver);
        }
    }

    /** Runs on the UI thread: hands over everything queued, then allows the next delivery. */
    private void deliver() {
        pending.set(false);
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent e; (e = events.poll()) != null; ) {
            batch.add(e);
        }
        Map<Class<? extends Snapshot>, Snapshot> snapshots = new HashMap<>();
        for (Class<? extends Snapshot> kind : latest.keySet()) {
            Snapshot s = latest.remove(kind);
            if (s != null) {
                snapshots.put(kind, s);
            }
        }
        lastDelivery = System.nanoTime();
        deliveries++;
        if (!batch.isEmpty() || !snapshots.isEmpty()) {
            sink.accept(new Delivery(batch, snapshots));
        }
    }

    /** Deliveries made so far (for tests and the benchmark). */
    public long deliveries() {
        return deliveries;
    }

    /** Hands over whatever is still queued (e.g. when the UI wants the final state now). */
    public void flush() {
        deliver();
    }
}
