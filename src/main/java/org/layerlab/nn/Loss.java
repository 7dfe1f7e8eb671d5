package org.layerlab.nn;

import java.util.Locale;

import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.engine.ops.BinaryCrossEntropy;
import org.layerlab.engine.ops.BinaryCrossEntropyFromLogits;
import org.layerlab.engine.ops.CategoricalCrossEntropy;
import org.layerlab.engine.ops.Huber;
import org.layerlab.engine.ops.LossOp;
import org.layerlab.engine.ops.MeanAbsoluteError;
import org.layerlab.engine.ops.MeanSquaredError;
import org.layerlab.engine.ops.SoftmaxCrossEntropy;
import org.layerlab.engine.ops.SparseCategoricalCrossEntropy;
import org.layerlab.engine.ops.SparseSoftmaxCrossEntropy;

/**
 * A loss as the user picks it, with Keras names. When the output layer ends in the matching
 * activation (sigmoid for binary, softmax for categorical), training fuses the two into one op on
 * the logits, which is exact and cannot overflow; {@code fromLogits} says the output already is
 * logits (Keras' from_logits=True).
 *
 * @param delta the Huber threshold; unused by the other kinds
 */
public record Loss(Kind kind, double delta, boolean fromLogits) {
    /** Loss functions by Keras name. */
    public enum Kind {
        MEAN_SQUARED_ERROR("mse"), MEAN_ABSOLUTE_ERROR("mae"), HUBER("huber"),
        BINARY_CROSSENTROPY("binary_crossentropy"), CATEGORICAL_CROSSENTROPY("categorical_crossentropy"),
        SPARSE_CATEGORICAL_CROSSENTROPY("sparse_categorical_crossentropy");

        private final String shortName;

        Kind(String shortName) {
            this.shortName = shortName;
        }

        public String kerasName() {
            return shortName;
        }

        public boolean isClassification() {
            return this == BINARY_CROSSENTROPY || this == CATEGORICAL_CROSSENTROPY
                    || this == SPARSE_CATEGORICAL_CROSSENTROPY;
        }
    }

    public static final Loss MSE = of(Kind.MEAN_SQUARED_ERROR);
    public static final Loss MAE = of(Kind.MEAN_ABSOLUTE_ERROR);
    public static final Loss BINARY_CROSSENTROPY = of(Kind.BINARY_CROSSENTROPY);
    public static final Loss CATEGORICAL_CROSSENTROPY = of(Kind.CATEGORICAL_CROSSENTROPY);
    public static final Loss SPARSE_CATEGORICAL_CROSSENTROPY = of(Kind.SPARSE_CATEGORICAL_CROSSENTROPY);

    public Loss {
        Checks.notNull("Loss", "kind", kind);
        if (kind == Kind.HUBER) {
            Checks.positive("huber", "delta", delta);
        }
    }

    public static Loss of(Kind kind) {
        return new Loss(kind, 1.0, false);
    }

    public static Loss huber(double delta) {
        return new Loss(Kind.HUBER, delta, false);
    }

    public static Loss parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (k.kerasName().equals(n) || k.name().toLowerCase(Locale.ROOT).equals(n)) {
                return of(k);
            }
        }
        StringBuilder names = new StringBuilder();
        for (Kind k : Kind.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(k.kerasName());
        }
        throw new IllegalArgumentException("unknown loss '" + name + "'; choose one of " + names);
    }

    /** True when this loss fuses with an output layer ending in the given activation. */
    public boolean fusesWith(ActivationFunction outputActivation) {
        return !fromLogits && switch (kind) {
            case BINARY_CROSSENTROPY -> outputActivation == ActivationFunction.SIGMOID;
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> outputActivation == ActivationFunction.SOFTMAX;
            default -> false;
        };
    }

    /** The op to apply to logits (when fused or fromLogits) or to the network output otherwise. */
    public LossOp op(boolean onLogits) {
        return switch (kind) {
            case MEAN_SQUARED_ERROR -> new MeanSquaredError();
            case MEAN_ABSOLUTE_ERROR -> new MeanAbsoluteError();
            case HUBER -> new Huber(delta);
            case BINARY_CROSSENTROPY -> onLogits ? new BinaryCrossEntropyFromLogits() : new BinaryCrossEntropy();
            case CATEGORICAL_CROSSENTROPY -> onLogits ? new SoftmaxCrossEntropy() : new CategoricalCrossEntropy();
            case SPARSE_CATEGORICAL_CROSSENTROPY -> onLogits ? new SparseSoftmaxCrossEntropy()
                    : new SparseCategoricalCrossEntropy();
        };
    }

    @Override
    public String toString() {
        return kind.kerasName();
    }
}
