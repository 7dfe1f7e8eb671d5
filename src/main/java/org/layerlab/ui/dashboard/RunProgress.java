package org.layerlab.ui.dashboard;

import org.layerlab.training.BatchEvent;

/**
 * What the progress row says during a run: how far it is (the bar and its caption, with the time
 * left) and the latest batch (the line beside it). The time left is the batches still to come at
 * the current epoch's pace, so it settles once an epoch is under way and ignores the time spent
 * validating between epochs.
 */
record RunProgress(double fraction, double secondsLeft, String caption, String line) {
    static RunProgress of(BatchEvent b, int epochs, int batchSize) {
        double fraction = ((b.epoch() - 1) + (double) b.batch() / b.batchesPerEpoch()) / epochs;
        long batchesLeft = (long) (epochs - b.epoch()) * b.batchesPerEpoch() + (b.batchesPerEpoch() - b.batch());
        double secondsLeft = b.samplesPerSecond() > 0 ? batchesLeft * (double) batchSize / b.samplesPerSecond() : Double.NaN;
        String left = Double.isNaN(secondsLeft) ? "" : " · " + duration(secondsLeft) + " left";
        return new RunProgress(fraction, secondsLeft, String.format("Epoch %d/%d%s", b.epoch(), epochs, left),
                String.format("Batch %d/%d · %,.0f samples/s · loss %.4f", b.batch(), b.batchesPerEpoch(),
                        b.samplesPerSecond(), b.loss()));
    }

    /** A duration as people say it: to the second under ten minutes, to the minute after. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 600) {
            return String.format("%d min %02d s", s / 60, s % 60);
        }
        long minutes = Math.round(seconds / 60);
        return minutes < 60 ? minutes + " min" : String.format("%d h %02d min", minutes / 60, minutes % 60);
    }
}
