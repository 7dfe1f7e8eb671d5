package org.layerlab.training;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A run's epochs as columns of numbers, read as a list of {@link EpochEvent}s made when asked for.
 * Why not a list of events: a run of one-step epochs (XOR for 300,000 epochs) kept some 230 bytes
 * an epoch alive as objects (event, map, entries, boxed doubles), and carrying them through the
 * young generation took a fifth of the run's time in GC pauses. Here an epoch is a few numbers in
 * arrays that grow by doubling. Read-only to everyone but the trainer, which appends.
 */
public final class EpochHistory extends AbstractList<EpochEvent> implements RandomAccess {
    /** The distinct key lists seen, in order; a run has one (or two, if a metric appears later). */
    private final List<String[]> layouts = new ArrayList<>(1);
    private int size;
    private int[] epochs;
    private int[] layoutOf;
    private int[] valueStart;
    /** Per epoch: samples per second, learning rate, seconds. */
    private double[] timing;
    private double[] values;
    private int valuesUsed;
    /** Set when a run has ended: the history is then shared, not copied, by its result. */
    private boolean frozen;

    /** Room for epochs epochs of metricsPerEpoch values before growing (a run knows how many it asked for). */
    EpochHistory(int epochs, int metricsPerEpoch) {
        int n = Math.max(1, Math.min(epochs, MAX_PRESIZED));
        this.epochs = new int[n];
        this.layoutOf = new int[n];
        this.valueStart = new int[n];
        this.timing = new double[3 * n];
        this.values = new double[n * Math.max(1, metricsPerEpoch)];
    }

    /** Past this many epochs the arrays grow as needed, so a run asked for a billion epochs does not reserve them. */
    private static final int MAX_PRESIZED = 1 << 16;

    /** The same epochs, held in this compact form. */
    public static EpochHistory of(List<EpochEvent> events) {
        if (events instanceof EpochHistory h) {
            return h.frozen ? h : h.copy();
        }
        EpochHistory h = new EpochHistory(events.size(), 4);
        for (EpochEvent e : events) {
            h.append(e.epoch(), e.metrics(), e.samplesPerSecond(), e.learningRate(), e.seconds());
        }
        return h;
    }

    /** Adds an epoch whose metrics are keys[i] = values[i] for i below keys.length; keys is kept, not copied. */
    void append(int epoch, String[] keys, double[] metrics, double samplesPerSecond, double learningRate,
                double seconds) {
        if (frozen) {
            throw new IllegalStateException("the run that made this history has ended");
        }
        grow(keys.length);
        epochs[size] = epoch;
        layoutOf[size] = layout(keys);
        valueStart[size] = valuesUsed;
        System.arraycopy(metrics, 0, values, valuesUsed, keys.length);
        valuesUsed += keys.length;
        timing[3 * size] = samplesPerSecond;
        timing[3 * size + 1] = learningRate;
        timing[3 * size + 2] = seconds;
        size++;
    }

    void append(int epoch, Map<String, Double> metrics, double samplesPerSecond, double learningRate, double seconds) {
        String[] keys = metrics.keySet().toArray(new String[0]);
        double[] v = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            v[i] = metrics.get(keys[i]);
        }
        append(epoch, keys, v, samplesPerSecond, learningRate, seconds);
    }

    @Override
    public EpochEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("epoch index " + index + " of " + size);
        }
        String[] keys = layouts.get(layoutOf[index]);
        Map<String, Double> m = new LinkedHashMap<>(keys.length * 2);
        for (int k = 0; k < keys.length; k++) {
            m.put(keys[k], values[valueStart[index] + k]);
        }
        return new EpochEvent(epochs[index], m, timing[3 * index], timing[3 * index + 1], timing[3 * index + 2]);
    }

    /** The metric key of the epoch at index, as {@link EpochEvent#get} gives it (NaN when absent), without making the event. */
    public double value(int index, String key) {
        String[] keys = layouts.get(layoutOf[index]);
        for (int k = 0; k < keys.length; k++) {
            if (keys[k].equals(key)) {
                return values[valueStart[index] + k];
            }
        }
        return Double.NaN;
    }

    @Override
    public int size() {
        return size;
    }

    /** Ends appending: from here on the history is read-only and shared as it is. */
    EpochHistory freeze() {
        frozen = true;
        return this;
    }

    private EpochHistory copy() {
        EpochHistory h = new EpochHistory(1, 1);
        h.layouts.addAll(layouts);
        h.size = size;
        h.epochs = Arrays.copyOf(epochs, Math.max(size, 1));
        h.layoutOf = Arrays.copyOf(layoutOf, Math.max(size, 1));
        h.valueStart = Arrays.copyOf(valueStart, Math.max(size, 1));
        h.timing = Arrays.copyOf(timing, Math.max(3 * size, 3));
        h.values = Arrays.copyOf(values, Math.max(valuesUsed, 1));
        h.valuesUsed = valuesUsed;
        h.frozen = true;
        return h;
    }

    private int layout(String[] keys) {
        // The newest layout first: a run's epochs nearly always share the one they started with.
        for (int i = layouts.size() - 1; i >= 0; i--) {
            String[] l = layouts.get(i);
            if (l == keys || Arrays.equals(l, keys)) {
                return i;
            }
        }
        layouts.add(keys);
        return layouts.size() - 1;
    }

    private void grow(int moreValues) {
        if (size == epochs.length) {
            int n = epochs.length * 2;
            epochs = Arrays.copyOf(epochs, n);
            layoutOf = Arrays.copyOf(layoutOf, n);
            valueStart = Arrays.copyOf(valueStart, n);
            timing = Arrays.copyOf(timing, 3 * n);
        }
        if (valuesUsed + moreValues > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valuesUsed + moreValues));
        }
        modCount++;
    }
}
