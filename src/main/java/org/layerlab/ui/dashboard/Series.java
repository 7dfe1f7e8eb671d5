package org.layerlab.ui.dashboard;

import java.util.Arrays;

/** A growing list of (x, y) points in primitive arrays: a million points cost 16 MB, no boxing. */
final class Series {
    final String name;
    final String styleColor;
    /** The colour on the dark theme's background, where a dark line would vanish. */
    final String darkColor;
    private double[] xs = new double[1024];
    private double[] ys = new double[1024];
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
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    int size() {
        return size;
    }

    double x(int i) {
        return xs[i];
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
    }
}
