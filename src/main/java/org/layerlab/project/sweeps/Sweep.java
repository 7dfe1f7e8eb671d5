package org.layerlab.project.sweeps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a sweep tries: its parameters, the strategy (every combination, or {@code count} seeded
 * random draws), the epochs each trial trains and the metric that ranks them. With successive
 * halving (η = {@code halving} ≥ 2), the trials first train {@code epochs}; then, round after
 * round, the best 1/η of them go on (each continuing its run, as a fork does) until η times as
 * many epochs in all, and the rest stop: most of the budget goes to the promising trials.
 */
public record Sweep(List<SweepParameter> parameters, Strategy strategy, int count, long seed, int epochs, String metric,
                    int halving) {
    /** Grid: every combination once. Random: count draws from a generator seeded with seed. */
    public enum Strategy { GRID, RANDOM }

    /** No sweep is meant to run longer than this many trials; a grid past it is a typo more often than not. */
    public static final int MAX_TRIALS = 10_000;

    /** A sweep without successive halving: every trial trains the same epochs. */
    public Sweep(List<SweepParameter> parameters, Strategy strategy, int count, long seed, int epochs, String metric) {
        this(parameters, strategy, count, seed, epochs, metric, 0);
    }

    public Sweep {
        parameters = List.copyOf(parameters);
        if (halving == 1 || halving < 0 || halving > 10) {
            throw new IllegalArgumentException("successive halving keeps 1 in every η trials per round: η is 2 to 10"
                    + " (0: off), not " + halving);
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one parameter");
        }
        if (parameters.stream().map(SweepParameter::key).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("a parameter is named twice");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("each trial needs at least one epoch");
        }
        if (strategy == Strategy.RANDOM && (count < 1 || count > MAX_TRIALS)) {
            throw new IllegalArgumentException("a random sweep needs a count of trials from 1 to " + MAX_TRIALS);
        }
        long grid = 1;
        for (SweepParameter p : parameters) {
            grid *= p.values().size();
            if (strategy == Strategy.GRID && grid > MAX_TRIALS) {
                throw new IllegalArgumentException("the grid has more than " + MAX_TRIALS
                        + " combinations; use fewer values or a random sweep with a count");
            }
        }
    }

    /** Each trial's settings, in the order they run (parameters in the order given). */
    public List<Map<String, String>> trials() {
        List<Map<String, String>> out = new ArrayList<>();
        if (strategy == Strategy.GRID) {
            grid(0, new LinkedHashMap<>(), out);
        } else {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < count; i++) {
                Map<String, String> t = new LinkedHashMap<>();
                parameters.forEach(p -> t.put(p.key(), p.sample(rng)));
                out.add(t);
            }
        }
        return out;
    }

    private void grid(int i, Map<String, String> partial, List<Map<String, String>> out) {
        if (i == parameters.size()) {
            out.add(new LinkedHashMap<>(partial));
            return;
        }
        SweepParameter p = parameters.get(i);
        for (String v : p.values()) {
            partial.put(p.key(), v);
            grid(i + 1, partial, out);
        }
        partial.remove(p.key());
    }

    /** Whether a higher value of the metric is better: accuracies, AUC, R², not losses and errors. */
    public boolean higherIsBetter() {
        return higherIsBetter(metric);
    }

    public static boolean higherIsBetter(String metric) {
        String m = metric.startsWith("val_") ? metric.substring(4) : metric;
        return m.contains("accuracy") || m.equals("auc") || m.equals("r2") || m.equals("precision") || m.equals("recall");
    }
}
