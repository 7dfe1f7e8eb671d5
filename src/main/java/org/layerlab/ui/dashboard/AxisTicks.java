package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Round tick values for a chart axis (steps of 1, 2 or 5 times a power of ten, or whole decades on
 * a log scale) and the axis range widened to the outer ticks, so the labels read 0.5, 1.0, 1.5
 * rather than 0.1195, 0.6711 (what quarters of the data's range gave).
 */
record AxisTicks(double lo, double hi, double[] values, int decimals) {
    /** About target intervals over [lo, hi] on a linear axis, widened to whole steps. */
    static AxisTicks linear(double lo, double hi, int target) {
        double step = niceStep((hi - lo) / Math.max(1, target));
        double first = Math.floor(lo / step) * step;
        double last = Math.ceil(hi / step) * step;
        int n = (int) Math.round((last - first) / step);
        double[] values = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            values[i] = first + i * step;
        }
        return new AxisTicks(first, last, values, decimalsFor(step));
    }

    /** Ticks inside [lo, hi] without widening it (for an x axis that should start at the data). */
    static AxisTicks within(double lo, double hi, int target) {
        double step = niceStep((hi - lo) / Math.max(1, target));
        List<Double> inside = new ArrayList<>();
        for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
            inside.add(v);
        }
        double[] values = inside.stream().mapToDouble(Double::doubleValue).toArray();
        return new AxisTicks(lo, hi, values, decimalsFor(step));
    }

    /** Whole decades spanning [lo, hi] (both > 0); with one decade only, also its 2 and 5. */
    static AxisTicks log(double lo, double hi) {
        int d0 = (int) Math.floor(Math.log10(lo) + 1e-9);
        int d1 = (int) Math.ceil(Math.log10(hi) - 1e-9);
        if (d1 == d0) {
            d1 = d0 + 1;
        }
        List<Double> values = new ArrayList<>();
        for (int d = d0; d <= d1; d++) {
            double decade = Math.pow(10, d);
            values.add(decade);
            if (d1 - d0 == 1 && d < d1) {
                values.add(2 * decade);
                values.add(5 * decade);
            }
        }
        return new AxisTicks(Math.pow(10, d0), Math.pow(10, d1), values.stream().mapToDouble(Double::doubleValue)
                .toArray(), Math.max(0, -d0));
    }

    /** The tick's label: as many decimals as the step needs, thousands grouped; tiny or huge in e-notation. */
    String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e7)) {
            return String.format("%.0e", v);
        }
        return String.format("%,." + Math.min(decimals, 6) + "f", Math.abs(v) < 1e-12 ? 0.0 : v);
    }

    /** Digits after the point that a step needs: 0 for 5 or 100, 1 for 0.5, 2 for 0.02. */
    private static int decimalsFor(double step) {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    private static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        // The nearest round step, so the tick count stays near the target either way.
        double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nice * power;
    }
}
