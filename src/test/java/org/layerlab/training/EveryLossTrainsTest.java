package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layerlab.data.ArrayDataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

/** Every loss kind goes through the whole training loop (targets, fusing, metrics) and learns a small problem. */
class EveryLossTrainsTest {
    /** Losses that fit a value: R² tells how well. */
    private static final Set<Loss.Kind> VALUES = EnumSet.of(Loss.Kind.MEAN_SQUARED_ERROR, Loss.Kind.MEAN_ABSOLUTE_ERROR,
            Loss.Kind.HUBER, Loss.Kind.LOG_COSH);

    /** Two features; a class or value depending on them; an output that suits the loss. */
    private static ArrayDataset data(Loss.Kind kind) {
        Random rng = new Random(3);
        int n = 200;
        int width = kind == Loss.Kind.KL_DIVERGENCE || kind == Loss.Kind.COSINE_SIMILARITY ? 2 : 1;
        float[] x = new float[n * 2];
        float[] y = new float[n * width];
        for (int i = 0; i < n; i++) {
            float a = (float) rng.nextGaussian();
            float b = (float) rng.nextGaussian();
            x[2 * i] = a;
            x[2 * i + 1] = b;
            boolean positive = a + b > 0;
            if (kind.isClassification()) {
                y[i] = positive ? 1 : 0;
            } else if (width == 2) {
                // A distribution (KL) or a direction (cosine) that follows the inputs.
                float p = (float) (1 / (1 + Math.exp(-2 * (a + b))));
                y[2 * i] = p;
                y[2 * i + 1] = 1 - p;
            } else if (kind == Loss.Kind.POISSON) {
                y[i] = positive ? 3 : 0;
            } else if (kind == Loss.Kind.HINGE || kind == Loss.Kind.SQUARED_HINGE) {
                y[i] = positive ? 1 : -1;
            } else {
                y[i] = 0.5f * a - b;
            }
        }
        return new ArrayDataset(x, Shape.of(2), y, width, kind.isClassification() ? List.of("no", "yes") : List.of());
    }

    private static String outputActivation(Loss.Kind kind) {
        return switch (kind) {
            case BINARY_CROSSENTROPY, BINARY_FOCAL_CROSSENTROPY -> "sigmoid";
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY, KL_DIVERGENCE -> "softmax";
            case POISSON -> "softplus";
            default -> "linear";
        };
    }

    @ParameterizedTest
    @EnumSource(Loss.Kind.class)
    void lossFallsByAtLeastHalfOnASmallProblem(Loss.Kind kind) {
        ArrayDataset d = data(kind);
        int outputs = kind.isCategorical() ? 2 : d.targetWidth();
        Network net = Sequential.input(2).add(new Dense(16, "tanh")).add(new Dense(outputs, outputActivation(kind))).build(1);
        TrainingConfig cfg = TrainingConfig.of(Loss.of(kind), 40).withBatchSize(20)
                .withOptimizer(OptimizerSpec.of("adam", 0.02));
        if (kind.isBinary()) {
            cfg = cfg.withMetrics(List.of(Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.AUC));
        } else if (kind.isCategorical()) {
            cfg = cfg.withMetrics(List.of(Metric.ACCURACY, Metric.TOP_K_ACCURACY));
        } else if (VALUES.contains(kind)) {
            cfg = cfg.withMetrics(List.of(Metric.MAE, Metric.R2));
        }
        TrainingResult r = new Trainer(net, cfg).fit(d);
        double first = r.history().get(0).get("loss");
        double last = r.history().get(r.history().size() - 1).get("loss");
        // cosine_similarity runs from 0 towards −1: "falls" means it went down by half its room.
        double floor = kind == Loss.Kind.COSINE_SIMILARITY ? -1 : 0;
        assertTrue(last - floor < 0.5 * (first - floor), kind + ": loss " + first + " → " + last);
        EpochEvent end = r.history().get(r.history().size() - 1);
        if (kind.isClassification()) {
            assertTrue(end.get("accuracy") > 0.9, kind + ": " + end.metrics());
        }
        if (kind.isBinary()) {
            assertTrue(end.get("auc") > 0.95 && end.get("precision") > 0.85 && end.get("recall") > 0.85, kind + ": "
                    + end.metrics());
        }
        if (kind.isCategorical()) {
            assertEquals(1.0, end.get("top_k_categorical_accuracy"), "two classes are always in the top five");
        }
        if (VALUES.contains(kind)) {
            assertTrue(end.get("r2_score") > 0.8, kind + ": " + end.metrics());
        }
    }

    @Test
    void labelSmoothingAndFocalOptionsReachTheOps() {
        ArrayDataset d = data(Loss.Kind.BINARY_FOCAL_CROSSENTROPY);
        Network net = Sequential.input(2).add(new Dense(1, "sigmoid")).build(1);
        Loss plain = Loss.of(Loss.Kind.BINARY_CROSSENTROPY);
        Loss smoothed = plain.with("label_smoothing", 0.2);
        TrainingConfig cfg = TrainingConfig.of(plain, 1);
        double a = Evaluator.evaluate(net, plain, cfg.metrics(), d, 50, "").get("loss");
        double b = Evaluator.evaluate(net, smoothed, cfg.metrics(), d, 50, "").get("loss");
        assertTrue(Math.abs(a - b) > 1e-4, "smoothing changes the loss: " + a + " vs " + b);
    }
}
