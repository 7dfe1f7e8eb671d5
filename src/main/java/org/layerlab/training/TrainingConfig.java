package org.layerlab.training;

import java.util.List;

import org.layerlab.nn.Checks;
import org.layerlab.nn.Loss;
import org.layerlab.nn.optimizers.OptimizerSpec;

/**
 * How to train: epochs, batch size, optimizer, loss, metrics, seed, the share of training data
 * held out for validation (0 for none, or when a validation set is given), shuffling, and optional
 * early stopping and learning-rate reduction on a plateau (null for none).
 */
public record TrainingConfig(int epochs, int batchSize, OptimizerSpec optimizer, Loss loss, List<Metric> metrics,
                             long seed, double validationSplit, boolean shuffle, EarlyStopping earlyStopping,
                             ReduceLrOnPlateau reduceLrOnPlateau) {
    public TrainingConfig {
        Checks.positive("training", "epochs", epochs);
        Checks.positive("training", "batch_size", batchSize);
        Checks.notNull("training", "optimizer", optimizer);
        Checks.notNull("training", "loss", loss);
        metrics = List.copyOf(metrics == null ? List.of() : metrics);
        Checks.inRange("training", "validation_split", validationSplit, 0, 1);
        for (Metric m : metrics) {
            if (!m.appliesTo(loss)) {
                throw new IllegalArgumentException("the metric " + m.key() + " does not apply to the loss " + loss
                        + (m == Metric.R2 ? ": R² is for regression" : m == Metric.TOP_K_ACCURACY
                        ? ": top-k accuracy needs a categorical cross-entropy" : ": it needs a binary cross-entropy"));
            }
        }
    }

    /** Keras-like defaults: Adam 0.001, batch 32, shuffled, no validation, seed 42. */
    public static TrainingConfig of(Loss loss, int epochs) {
        return new TrainingConfig(epochs, 32, OptimizerSpec.of("adam", 0.001), loss,
                loss.kind().isClassification() ? List.of(Metric.ACCURACY) : List.of(Metric.MAE), 42, 0, true, null, null);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, optimizer, loss, metrics, seed, validationSplit, shuffle, earlyStopping,
                reduceLrOnPlateau);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(epochs, b, optimizer, loss, metrics, seed, validationSplit, shuffle, earlyStopping,
                reduceLrOnPlateau);
    }

    public TrainingConfig withOptimizer(OptimizerSpec o) {
        return new TrainingConfig(epochs, batchSize, o, loss, metrics, seed, validationSplit, shuffle, earlyStopping,
                reduceLrOnPlateau);
    }

    /** Another loss; metrics it cannot report (precision without a binary output, say) are dropped. */
    public TrainingConfig withLoss(Loss l) {
        List<Metric> kept = metrics.stream().filter(m -> m.appliesTo(l)).toList();
        return new TrainingConfig(epochs, batchSize, optimizer, l, kept, seed, validationSplit, shuffle, earlyStopping,
                reduceLrOnPlateau);
    }

    public TrainingConfig withMetrics(List<Metric> m) {
        return new TrainingConfig(epochs, batchSize, optimizer, loss, m, seed, validationSplit, shuffle, earlyStopping,
                reduceLrOnPlateau);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, optimizer, loss, metrics, s, validationSplit, shuffle, earlyStopping, reduceLrOnPlateau);
    }

    public TrainingConfig withValidationSplit(double v) {
        return new TrainingConfig(epochs, batchSize, optimizer, loss, metrics, seed, v, shuffle, earlyStopping, reduceLrOnPlateau);
    }

    public TrainingConfig withShuffle(boolean s) {
        return new TrainingConfig(epochs, batchSize, optimizer, loss, metrics, seed, validationSplit, s, earlyStopping, reduceLrOnPlateau);
    }

    public TrainingConfig withReduceLrOnPlateau(ReduceLrOnPlateau r) {
        return new TrainingConfig(epochs, batchSize, optimizer, loss, metrics, seed, validationSplit, shuffle, earlyStopping, r);
    }

    public TrainingConfig withEarlyStopping(EarlyStopping e) {
        return new TrainingConfig(epochs, batchSize, optimizer, loss, metrics, seed, validationSplit, shuffle, e, reduceLrOnPlateau);
    }
}
