package org.layerlab.ui.dashboard;

import java.util.Arrays;

/** A growing list of (x, y) points in primitive arrays: a million points cost 16 MB, no boxing. */
final class Series {
    final String name;
    final String styleColor;
    private double[] xs = new double[1024];
    private double[] ys = new double[1024];
    private int size;

    Series(String name, String styleColor) {
        this.name = name;
        this.styleColor = styleColor;
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

    void clear() {
        size = 0;
    }
}
