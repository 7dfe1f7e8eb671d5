package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.data.CsvLoader;
import org.layerlab.data.Dataset;
import org.layerlab.data.Normalization;
import org.layerlab.data.Split;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

/** The design documents' small examples train to their targets with fixed seeds. */
class ConvergenceTest {
    static final Path DATA = Path.of("samples", "data");

    @Test
    void xorLearnsAllFourRows() {
        Dataset xor = ArrayDataset.regression(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new float[] {0, 1, 1, 0});
        Network net = Sequential.input(2).add(new Dense(4, "tanh")).add(new Dense(1, "sigmoid")).build(1);
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 400).withBatchSize(4)
                .withOptimizer(OptimizerSpec.of("adam", 0.05)).withSeed(1);
        TrainingResult r = new Trainer(net, cfg).fit(xor);
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome());
        Tensor p = net.predict(Tensor.wrap(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2));
        float[] expected = {0, 1, 1, 0};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], p.get(i) > 0.5f ? 1f : 0f, "row " + i + " predicted " + p.get(i));
        }
        assertEquals(1.0, r.last().get("accuracy"), 1e-9);
    }

    @Test
    void squareFunctionRegressionReachesLowError() {
        int n = 200;
        float[][] x = new float[n][1];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = -1f + 2f * i / (n - 1);
            y[i] = x[i][0] * x[i][0];
        }
        Network net = Sequential.input(1).add(new Dense(16, "tanh")).add(new Dense(16, "tanh")).add(new Dense(1)).build(3);
        TrainingConfig cfg = TrainingConfig.of(Loss.MSE, 300).withBatchSize(20)
                .withOptimizer(OptimizerSpec.of("adam", 0.01)).withSeed(3);
        TrainingResult r = new Trainer(net, cfg).fit(ArrayDataset.regression(x, y));
        double mse = r.last().get("loss");
        assertTrue(mse < 1e-3, "x^2 MSE " + mse);
    }

    @Test
    void irisReachesNinetyThreePercentOnTheHoldOut() throws Exception {
        ArrayDataset iris = CsvLoader.load(DATA.resolve("iris.csv"), CsvLoader.Options.defaults());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        Split split = Split.of(iris, 0.3, 7);
        ArrayDataset scaled = Normalization.fitAndApply(iris, Normalization.Kind.STANDARDIZE, split.train());
        Network net = Sequential.input(4).add(new Dense(16, "relu")).add(new Dense(3, "softmax")).build(7);
        TrainingConfig cfg = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 150).withBatchSize(16)
                .withOptimizer(OptimizerSpec.of("adam", 0.01)).withSeed(7);
        new Trainer(net, cfg).fit(scaled.subset(split.train()));
        Map<String, Double> test = Evaluator.evaluate(net, cfg.loss(), cfg.metrics(), scaled.subset(split.holdOut()), 64, "");
        assertEquals(45, split.holdOut().length);
        assertTrue(test.get("accuracy") >= 0.93, "iris hold-out accuracy " + test);
    }

    @Test
    void bostonHousingMlpReachesRmseBelowFive() throws Exception {
        ArrayDataset boston = CsvLoader.load(DATA.resolve("boston_housing.csv"), CsvLoader.Options.defaults());
        assertEquals(506, boston.size());
        assertTrue(!boston.isClassification());
        Split split = Split.of(boston, 0.2, 42);
        ArrayDataset scaled = Normalization.fitAndApply(boston, Normalization.Kind.STANDARDIZE, split.train());
        Network net = Sequential.input(13).add(new Dense(10, "relu")).add(new Dense(1)).build(42);
        TrainingConfig cfg = TrainingConfig.of(Loss.MSE, 100).withBatchSize(32)
                .withOptimizer(OptimizerSpec.of("sgd", 0.01)).withSeed(42);
        TrainingResult r = new Trainer(net, cfg).fit(scaled.subset(split.train()));
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome());
        double mse = Evaluator.evaluate(net, cfg.loss(), cfg.metrics(), scaled.subset(split.holdOut()), 64, "").get("loss");
        assertTrue(Math.sqrt(mse) < 5.0, "Boston test RMSE " + Math.sqrt(mse));
    }
}
