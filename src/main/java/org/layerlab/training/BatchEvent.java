package org.layerlab.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * After each training batch: the global step (1-based), epoch (1-based), batch within the epoch,
 * batches per epoch, the batch loss, running epoch metrics, throughput and the rate used.
 */
public record BatchEvent(long step, int epoch, int batch, int batchesPerEpoch, double loss,
                         Map<String, Double> metrics, double samplesPerSecond, double learningRate) implements RunEvent {
    public BatchEvent {
        // Insertion order kept: loss first, then metrics in the order configured.
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
