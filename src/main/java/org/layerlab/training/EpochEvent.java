package org.layerlab.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * After each epoch: its number (1-based), metrics keyed as Keras keys them ("loss", "accuracy",
 * "val_loss", "val_accuracy", ...), throughput, the last rate, and seconds taken.
 */
public record EpochEvent(int epoch, Map<String, Double> metrics, double samplesPerSecond, double learningRate,
                         double seconds) implements RunEvent {
    public EpochEvent {
        // Insertion order kept: loss first, then metrics in the order configured.
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public double get(String key) {
        Double v = metrics.get(key);
        return v == null ? Double.NaN : v;
    }
}
