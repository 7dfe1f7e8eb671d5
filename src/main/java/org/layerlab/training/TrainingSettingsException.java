package org.layerlab.training;

/**
 * Settings that cannot work with this run, found as it runs (early stopping watching a metric
 * the run does not report, say): the user's to fix, not a bug, so the command line answers it
 * with an error line and exit code 2.
 */
public class TrainingSettingsException extends IllegalArgumentException {
    public TrainingSettingsException(String message) {
        super(message);
    }
}
