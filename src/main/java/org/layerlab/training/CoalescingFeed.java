package org.layerlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Carries training events to a UI thread without either side waiting on the other: metric
 * events queue up, snapshots are latest-wins, and at most one delivery is pending on the UI
 * executor at a time, started no more often than every {@code minIntervalNanos} for batch events
 * (epoch ends, snapshots' arrival after a quiet spell, and the final result go out at once;
 * while the feed is quiet, only the final result does).
 * The executor is injected: {@code Platform::runLater} in the window, a direct one in tests.
 */
public final class CoalescingFeed implements TrainingListener {
    /** Everything that arrived since the last delivery. */
    public record Delivery(List<Object> events, WeightSnapshot weights, BoundarySnapshot boundary,
                           HealthSnapshot health, ConfusionMatrix confusion) {
    }

    private final Executor ui;
    private final Consumer<Delivery> sink;
    private final long minIntervalNanos;
    private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<WeightSnapshot> weights = new AtomicReference<>();
    private final AtomicReference<BoundarySnapshot> boundary = new AtomicReference<>();
    private final AtomicReference<HealthSnapshot> health = new AtomicReference<>();
    private final AtomicReference<ConfusionMatrix> confusion = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastDelivery;
    private volatile boolean quiet;
    private long deliveries;

    public CoalescingFeed(Executor ui, Consumer<Delivery> sink, long minIntervalNanos) {
        this.ui = ui;
        this.sink = sink;
        this.minIntervalNanos = minIntervalNanos;
    }

    /**
     * The dashboard's pace: 2.5 deliveries a second. Each delivery makes JavaFX lay out and
     * render a frame, which under software rendering costs CPU the training threads need
     * (measured on 2 cores with Monocle's software pipeline: 25 Hz cost ~40% of CNN training
     * speed; 10 to 5 Hz took the window's threads from 7.1% to 5.1% of a core in session 4;
     * in session 5, 5 to 2.5 Hz took them from 7.3% to 4.6%). Numbers that change 2.5 times a
     * second are still easy to read, and curves stay current.
     */
    public static final long DELIVERY_NANOS = 400_000_000L;

    /**
     * The pace while the views are off ({@link #setQuiet}): the progress line still moves, and
     * the queue of batch events stays short (a fast network makes thousands a second).
     */
    public static final long QUIET_NANOS = 2_000_000_000L;

    /** A feed delivering at the dashboard's pace ({@link #DELIVERY_NANOS}). */
    public static CoalescingFeed forDashboard(Executor ui, Consumer<Delivery> sink) {
        return new CoalescingFeed(ui, sink, DELIVERY_NANOS);
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

    public void offerWeights(WeightSnapshot s) {
        weights.set(s);
        schedule(false);
    }

    public void offerBoundary(BoundarySnapshot s) {
        boundary.set(s);
        schedule(false);
    }

    public void offerHealth(HealthSnapshot s) {
        health.set(s);
        schedule(false);
    }

    public void offerConfusion(ConfusionMatrix m) {
        confusion.set(m);
        schedule(!quiet);
    }

    /**
     * Quiet: deliveries every {@link #QUIET_NANOS} at most, epoch ends included; only the final
     * result goes out at once. Not quiet: back to the feed's own pace, from a delivery now.
     */
    public void setQuiet(boolean on) {
        quiet = on;
        if (!on) {
            schedule(true);
        }
    }

    private void schedule(boolean urgent) {
        long interval = quiet ? Math.max(QUIET_NANOS, minIntervalNanos) : minIntervalNanos;
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
        List<Object> batch = new ArrayList<>();
        for (Object o; (o = events.poll()) != null; ) {
            batch.add(o);
        }
        WeightSnapshot w = weights.getAndSet(null);
        BoundarySnapshot b = boundary.getAndSet(null);
        HealthSnapshot h = health.getAndSet(null);
        ConfusionMatrix c = confusion.getAndSet(null);
        lastDelivery = System.nanoTime();
        deliveries++;
        if (!batch.isEmpty() || w != null || b != null || h != null || c != null) {
            sink.accept(new Delivery(batch, w, b, h, c));
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
