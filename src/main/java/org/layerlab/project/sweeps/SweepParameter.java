package org.layerlab.project.sweeps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One setting a sweep varies and its values: a list ("dense_1.units=32,64,128",
 * "optimizer=adam,sgd") or a range with a number of steps, linear or logarithmic
 * ("learning_rate=1e-4..1e-1:log:4" is 1e-4, 1e-3, 1e-2, 1e-1). A grid visits the steps; a random
 * sweep draws from the whole range (log-uniform for a log range, whole numbers when both ends are).
 */
public record SweepParameter(String key, List<String> values, double low, double high, boolean log, boolean integers) {
    public SweepParameter {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(key + " has no values");
        }
    }

    public boolean isRange() {
        return !Double.isNaN(low);
    }

    /** Parses "key=a,b,c" or "key=low..high[:lin|:log][:steps]". */
    public static SweepParameter parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a parameter: write name=values, e.g."
                    + " learning_rate=1e-4..1e-1:log:4 or dense_1.units=32,64,128");
        }
        String key = text.substring(0, eq).trim();
        String spec = text.substring(eq + 1).trim();
        if (!spec.contains("..")) {
            List<String> vals = new ArrayList<>();
            for (String v : spec.split(",")) {
                if (!v.isBlank()) {
                    vals.add(v.trim());
                }
            }
            return new SweepParameter(key, vals, Double.NaN, Double.NaN, false, false);
        }
        String[] parts = spec.split(":");
        String[] ends = parts[0].split("\\.\\.");
        if (ends.length != 2) {
            throw new IllegalArgumentException(key + ": '" + parts[0] + "' is not a range; write low..high");
        }
        double low = number(key, ends[0]);
        double high = number(key, ends[1]);
        if (!(low < high)) {
            throw new IllegalArgumentException(key + ": the range " + parts[0] + " must go from low to high");
        }
        boolean log = false;
        int steps = 5;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.equals("log")) {
                log = true;
            } else if (p.equals("lin") || p.equals("linear")) {
                log = false;
            } else {
                try {
                    steps = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + ": '" + parts[i] + "' is neither lin, log nor a number of steps");
                }
                if (steps < 2 || steps > 1000) {
                    throw new IllegalArgumentException(key + ": a range needs 2 to 1000 steps, not " + steps);
                }
            }
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException(key + ": a log range must start above 0");
        }
        boolean integers = isWhole(ends[0]) && isWhole(ends[1]) && !log;
        List<String> vals = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            double t = (double) i / (steps - 1);
            double v = log ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low))) : low + t * (high - low);
            vals.add(format(v, integers));
        }
        return new SweepParameter(key, vals.stream().distinct().toList(), low, high, log, integers);
    }

    /** A value drawn at random: from the range when there is one, else one of the list. */
    public String sample(SplittableRandom rng) {
        if (!isRange()) {
            return values.get(rng.nextInt(values.size()));
        }
        double u = rng.nextDouble();
        double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        return format(integers ? Math.min(high, Math.floor(v + 0.5)) : v, integers);
    }

    private static boolean isWhole(String s) {
        return s.trim().matches("-?[0-9]+");
    }

    private static double number(String key, String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + s + "' is not a number");
        }
    }

    /** Four significant digits: 0.001, 0.003162, 64. */
    static String format(double v, boolean integers) {
        if (integers) {
            return Long.toString(Math.round(v));
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
