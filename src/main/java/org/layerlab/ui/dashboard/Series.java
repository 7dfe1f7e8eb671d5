package org.layerlab.ui.dashboard;

import java.util.Arrays;

/**
 * A growing list of (x, y) points in primitive arrays, y as float. While x goes up by exactly 1
 * a point (the steps of a run's per-batch series) it is not stored: a point costs 4 bytes, so an
 * hour of a fast run (9 million steps) keeps 36 MB a series rather than the 144 MB of two doubles.
 */
final class Series {
    /** What the legend calls it; a GAN's run renames the loss and metric series (see Curves). */
    String name;
    final String styleColor;
    /** The colour on the dark theme's background, where a dark line would vanish. */
    final String darkColor;
    /** Null while the x values are first, first + 1, first + 2, ... */
    private double[] xs;
    private double first;
    private float[] ys = new float[1024];
    private int size;

    Series(String name, String styleColor) {
        this(name, styleColor, styleColor);
    }

    Series(String name, String styleColor, String darkColor) {
        this.name = name;
        this.styleColor = styleColor;
        this.darkColor = darkColor;
    }

    void add(double x, double y) {
        if (size == ys.length) {
            ys = Arrays.copyOf(ys, size * 2);
            if (xs != null) {
                xs = Arrays.copyOf(xs, size * 2);
            }
        }
        if (size == 0) {
            first = x;
        } else if (xs == null && x != first + size) {
            // Not the next step: from now on every x is kept.
            xs = new double[ys.length];
            for (int i = 0; i < size; i++) {
                xs[i] = first + i;
            }
        }
        if (xs != null) {
            xs[size] = x;
        }
        ys[size] = (float) y;
        size++;
    }

    int size() {
        return size;
    }

    double x(int i) {
        return xs == null ? first + i : xs[i];
    }

    double y(int i) {
        return ys[i];
    }

    /**
     * The index of the point whose x is nearest to x (the first of equals), found by bisection:
     * x never decreases along a series (steps, epochs), and hovering a chart of millions of
     * points asks this at every mouse move.
     */
    int nearest(double x) {
        if (xs == null) {
            // Whole steps: the nearest is a rounding away (ties to the first, as below).
            return size == 0 ? 0 : (int) Math.max(0, Math.min(size - 1, Math.ceil(x - first - 0.5)));
        }
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // lo is the first point at or after x; the one before it may be nearer.
        if (lo > 0 && Math.abs(xs[lo - 1] - x) <= Math.abs(xs[lo] - x)) {
            int first = lo - 1;
            while (first > 0 && xs[first - 1] == xs[lo - 1]) {
                first--;
            }
            return first;
        }
        return lo;
    }

    void clear() {
        size = 0;
        xs = null;
    }
}
