package org.layerlab.cli;

/** One row of the benchmark table; accuracy is NaN where it does not apply. */
public record BenchResult(String workload, double figure, String unit, double accuracy, long peakHeapBytes, String note) {
    BenchResult withNote(String newNote) {
        return new BenchResult(workload, figure, unit, accuracy, peakHeapBytes, newNote);
    }
}
