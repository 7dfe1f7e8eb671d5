package org.layerlab.training;

import java.util.List;

import org.layerlab.data.Dataset;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;
import org.layerlab.nn.network.Network;

/**
 * The health of trained weights without a run, as on reopening a project: one batch of the
 * training data forward and back, in training mode as a step would be, and measured as a run
 * measures it. The weights are not changed; batch normalization's moving statistics are, so
 * give it a copy of the network.
 */
public final class HealthCheck {
    private HealthCheck() {
    }

    /**
     * @param history the run's epochs, for the overfitting sign and the step the learning rate is read at
     */
    public static HealthSnapshot of(Network copy, Loss loss, Dataset train, TrainingConfig config,
                                    List<EpochEvent> history) {
        TargetEncoder encoder = new TargetEncoder(train, copy, loss);
        LossComputation computation = new LossComputation(copy, loss);
        int b = Math.max(1, Math.min(config.batchSize(), train.size()));
        Tensor x = Tensor.ofBatch(b, train.featureShape());
        Tensor raw = encoder.allocateRaw(train, b);
        Tensor y = encoder.allocate(b);
        // Rows spread over the whole set: data files are often sorted by class, and a batch of
        // one class would show gradients no step of a shuffled run sees.
        int[] order = new int[b];
        for (int i = 0; i < b; i++) {
            order[i] = (int) ((long) i * train.size() / b);
        }
        train.gather(order, 0, b, x, raw);
        encoder.encode(raw, y);
        copy.zeroGradients();
        copy.forward(x, true);
        double value = computation.compute(y, true);
        long stepsPerEpoch = (train.size() + b - 1) / b;
        long step = history.size() * stepsPerEpoch;
        double rate = config.optimizer().schedule().at(step);
        return HealthSnapshot.measure(copy, step, rate, value, HealthSnapshot.overfitting(history));
    }
}
