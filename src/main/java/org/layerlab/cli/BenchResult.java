package org.layerlab.cli;

import java.util.Arrays;

/**
 * One row of the benchmark table: the figure (a median where the workload was timed several
 * times, with the lowest and highest of those in low and high, else NaN) and the test accuracy
 * after one epoch from a fresh start (NaN where it does not apply).
 */
public record BenchResult(String workload, double figure, double low, double high, String unit, double accuracy,
                          long peakHeapBytes, String note) {
    /** A figure measured once. */
    BenchResult(String workload, double figure, String unit, double accuracy, long peakHeapBytes, String note) {
        this(workload, figure, Double.NaN, Double.NaN, unit, accuracy, peakHeapBytes, note);
    }

    /** A figure timed in windows: their median, with the slowest and the fastest. */
    static BenchResult ofWindows(String workload, double[] rates, String unit, double accuracy, long peakHeapBytes,
                                 String note) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return new BenchResult(workload, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], unit, accuracy,
                peakHeapBytes, note);
    }

    BenchResult withNote(String newNote) {
        return new BenchResult(workload, figure, low, high, unit, accuracy, peakHeapBytes, newNote);
    }

    boolean hasSpread() {
        return !Double.isNaN(low);
    }
}
