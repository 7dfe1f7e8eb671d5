package org.layerlab.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.engine.ops.BinaryCrossEntropy;
import org.layerlab.engine.ops.BinaryCrossEntropyFromLogits;
import org.layerlab.engine.ops.BinaryFocalCrossEntropy;
import org.layerlab.engine.ops.CategoricalCrossEntropy;
import org.layerlab.engine.ops.CosineSimilarityLoss;
import org.layerlab.engine.ops.Hinge;
import org.layerlab.engine.ops.Huber;
import org.layerlab.engine.ops.KlDivergence;
import org.layerlab.engine.ops.LabelSmoothing;
import org.layerlab.engine.ops.LogCosh;
import org.layerlab.engine.ops.LossOp;
import org.layerlab.engine.ops.MeanAbsoluteError;
import org.layerlab.engine.ops.MeanSquaredError;
import org.layerlab.engine.ops.Poisson;
import org.layerlab.engine.ops.SoftmaxCrossEntropy;
import org.layerlab.engine.ops.SparseCategoricalCrossEntropy;
import org.layerlab.engine.ops.SparseSoftmaxCrossEntropy;

/**
 * A loss as the user picks it, with Keras names and options (delta, label_smoothing, gamma,
 * alpha, apply_class_balancing; switches are 0 or 1). When the output layer ends in the matching
 * activation (sigmoid for binary, softmax for categorical), training fuses the two into one op
 * on the logits, which is exact and cannot overflow; {@code fromLogits} says the output already
 * is logits (Keras' from_logits=True). Keras 3's SparseCategoricalCrossentropy has no
 * label_smoothing, so neither has ours.
 */
public record Loss(Kind kind, Map<String, Double> options, boolean fromLogits) {
    /** Loss functions by Keras name, each with its options and their Keras defaults. */
    public enum Kind {
        MEAN_SQUARED_ERROR("mse"), MEAN_ABSOLUTE_ERROR("mae"), HUBER("huber", "delta", 1.0),
        LOG_COSH("log_cosh"),
        BINARY_CROSSENTROPY("binary_crossentropy", "label_smoothing", 0.0),
        BINARY_FOCAL_CROSSENTROPY("binary_focal_crossentropy", "gamma", 2.0, "alpha", 0.25,
                "apply_class_balancing", 0.0, "label_smoothing", 0.0),
        CATEGORICAL_CROSSENTROPY("categorical_crossentropy", "label_smoothing", 0.0),
        SPARSE_CATEGORICAL_CROSSENTROPY("sparse_categorical_crossentropy"),
        KL_DIVERGENCE("kl_divergence"), POISSON("poisson"), HINGE("hinge"), SQUARED_HINGE("squared_hinge"),
        COSINE_SIMILARITY("cosine_similarity");

        private final String shortName;
        private final Map<String, Double> defaults;

        Kind(String shortName, Object... nameValue) {
            this.shortName = shortName;
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < nameValue.length; i += 2) {
                m.put((String) nameValue[i], (Double) nameValue[i + 1]);
            }
            this.defaults = Collections.unmodifiableMap(m);
        }

        public String kerasName() {
            return shortName;
        }

        /** This loss's options with the Keras defaults, in the order a settings panel lists them. */
        public Map<String, Double> defaults() {
            return defaults;
        }

        /** Classification losses: targets are classes, the metric is accuracy. */
        public boolean isClassification() {
            return isBinary() || isCategorical();
        }

        /** Losses on one probability per output (sigmoid): binary and binary focal cross-entropy. */
        public boolean isBinary() {
            return this == BINARY_CROSSENTROPY || this == BINARY_FOCAL_CROSSENTROPY;
        }

        /** Losses on a distribution over classes (softmax). */
        public boolean isCategorical() {
            return this == CATEGORICAL_CROSSENTROPY || this == SPARSE_CATEGORICAL_CROSSENTROPY;
        }
    }

    public static final Loss MSE = of(Kind.MEAN_SQUARED_ERROR);
    public static final Loss MAE = of(Kind.MEAN_ABSOLUTE_ERROR);
    public static final Loss BINARY_CROSSENTROPY = of(Kind.BINARY_CROSSENTROPY);
    public static final Loss CATEGORICAL_CROSSENTROPY = of(Kind.CATEGORICAL_CROSSENTROPY);
    public static final Loss SPARSE_CATEGORICAL_CROSSENTROPY = of(Kind.SPARSE_CATEGORICAL_CROSSENTROPY);

    /** Which options are switches (0 or 1), shown as check boxes. */
    public static boolean isSwitch(String option) {
        return option.equals("apply_class_balancing");
    }

    public Loss {
        Checks.notNull("Loss", "kind", kind);
        options = Map.copyOf(options == null ? Map.of() : options);
        for (Map.Entry<String, Double> e : options.entrySet()) {
            if (!kind.defaults().containsKey(e.getKey())) {
                throw new IllegalArgumentException(kind.kerasName() + " has no option '" + e.getKey() + "'"
                        + (kind.defaults().isEmpty() ? "" : "; its options are " + String.join(", ",
                        new TreeSet<>(kind.defaults().keySet()))));
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException(kind.kerasName() + ": " + e.getKey() + " must be a finite number. Received: "
                        + e.getValue());
            }
        }
        if (kind == Kind.HUBER) {
            Checks.positive("huber", "delta", option(kind, options, "delta"));
        }
        if (kind.defaults().containsKey("label_smoothing")) {
            Checks.inRange(kind.kerasName(), "label_smoothing", option(kind, options, "label_smoothing"), 0, 1);
        }
        if (kind == Kind.BINARY_FOCAL_CROSSENTROPY) {
            Checks.nonNegative(kind.kerasName(), "gamma", option(kind, options, "gamma"));
            double alpha = option(kind, options, "alpha");
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("binary_focal_crossentropy: alpha must be in [0, 1]. Received: alpha="
                        + alpha);
            }
        }
    }

    public static Loss of(Kind kind) {
        return new Loss(kind, Map.of(), false);
    }

    public static Loss huber(double delta) {
        return new Loss(Kind.HUBER, Map.of("delta", delta), false);
    }

    public Loss with(String option, double value) {
        Map<String, Double> o = new LinkedHashMap<>(options);
        o.put(option, value);
        return new Loss(kind, o, fromLogits);
    }

    public Loss withFromLogits(boolean logits) {
        return new Loss(kind, options, logits);
    }

    /** The value of an option: as set, or this kind's default. */
    public double option(String name) {
        return option(kind, options, name);
    }

    private static double option(Kind kind, Map<String, Double> options, String name) {
        Double v = options.get(name);
        if (v != null) {
            return v;
        }
        Double d = kind.defaults().get(name);
        if (d == null) {
            throw new IllegalArgumentException(kind.kerasName() + " has no option '" + name + "'");
        }
        return d;
    }

    /** The Huber threshold. */
    public double delta() {
        return option("delta");
    }

    public static Loss parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        // Keras' aliases.
        n = switch (n) {
            case "mean_squared_error" -> "mse";
            case "mean_absolute_error" -> "mae";
            case "kld", "kullback_leibler_divergence" -> "kl_divergence";
            case "logcosh" -> "log_cosh";
            default -> n;
        };
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
        LossOp op = switch (kind) {
            case MEAN_SQUARED_ERROR -> new MeanSquaredError();
            case MEAN_ABSOLUTE_ERROR -> new MeanAbsoluteError();
            case HUBER -> new Huber(delta());
            case LOG_COSH -> new LogCosh();
            case BINARY_CROSSENTROPY -> onLogits ? new BinaryCrossEntropyFromLogits() : new BinaryCrossEntropy();
            case BINARY_FOCAL_CROSSENTROPY -> new BinaryFocalCrossEntropy(option("gamma"), option("alpha"),
                    option("apply_class_balancing") != 0, onLogits);
            case CATEGORICAL_CROSSENTROPY -> onLogits ? new SoftmaxCrossEntropy() : new CategoricalCrossEntropy();
            case SPARSE_CATEGORICAL_CROSSENTROPY -> onLogits ? new SparseSoftmaxCrossEntropy()
                    : new SparseCategoricalCrossEntropy();
            case KL_DIVERGENCE -> new KlDivergence();
            case POISSON -> new Poisson();
            case HINGE -> new Hinge(false);
            case SQUARED_HINGE -> new Hinge(true);
            case COSINE_SIMILARITY -> new CosineSimilarityLoss();
        };
        double smoothing = kind.defaults().containsKey("label_smoothing") ? option("label_smoothing") : 0;
        return smoothing > 0 ? new LabelSmoothing(op, smoothing, kind.isBinary()) : op;
    }

    @Override
    public String toString() {
        return kind.kerasName();
    }
}
