package org.layerlab.training;

import java.util.Locale;

import org.layerlab.nn.Loss;

/** Metrics reported besides the loss; accuracy picks its binary/categorical/sparse form from the loss. */
public enum Metric {
    ACCURACY("accuracy"), MSE("mse"), MAE("mae"),
    /** Binary outputs thresholded at 0.5: true positives over predicted positives. */
    PRECISION("precision"),
    /** Binary outputs thresholded at 0.5: true positives over actual positives. */
    RECALL("recall"),
    /** Area under the ROC curve of binary outputs, as Keras: 200 thresholds, trapezoids. */
    AUC("auc"),
    /** The true class among the 5 highest scores (Keras' default k), for one-hot or sparse targets. */
    TOP_K_ACCURACY("top_k_categorical_accuracy"),
    /** Regression: 1 − SS_res/SS_tot per output over the epoch, averaged over outputs. */
    R2("r2_score");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Whether a run with this loss can report the metric (precision needs a binary output, R² values). */
    public boolean appliesTo(Loss loss) {
        return switch (this) {
            case PRECISION, RECALL, AUC -> loss.kind().isBinary();
            case TOP_K_ACCURACY -> loss.kind().isCategorical();
            case R2 -> !loss.kind().isClassification();
            default -> true;
        };
    }

    public static Metric parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        n = switch (n) {
            case "acc" -> "accuracy";
            case "top_k_accuracy", "sparse_top_k_categorical_accuracy" -> "top_k_categorical_accuracy";
            case "r2" -> "r2_score";
            default -> n;
        };
        for (Metric m : values()) {
            if (m.key.equals(n)) {
                return m;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Metric m : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(m.key);
        }
        throw new IllegalArgumentException("unknown metric '" + name + "'; choose " + names);
    }
}
