package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ByteImageDataset;
import org.layerlab.nn.Loss;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.MaxPooling2D;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.OptimizerSpec;

class CnnTrainingTest {
    @Test
    void designCnnLearnsTheFashionMnistSubset() throws Exception {
        Path base = Path.of("samples", "data", "fashion-mnist-small");
        ByteImageDataset train = ByteImageDataset.loadIdx(base.resolve("train-images-idx3-ubyte.gz"),
                base.resolve("train-labels-idx1-ubyte.gz"), null);
        ByteImageDataset test = ByteImageDataset.loadIdx(base.resolve("t10k-images-idx3-ubyte.gz"),
                base.resolve("t10k-labels-idx1-ubyte.gz"), null);
        Network net = Sequential.input(28, 28, 1)
                .add(new Conv2D(32, 3, "relu")).add(new MaxPooling2D(2))
                .add(new Conv2D(64, 3, "relu")).add(new MaxPooling2D(2))
                .add(new Conv2D(64, 3, "relu")).add(new Flatten())
                .add(new Dense(64, "relu")).add(new Dense(10, "softmax")).build(1);
        TrainingConfig cfg = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 2).withBatchSize(32)
                .withOptimizer(OptimizerSpec.of("adam", 0.001)).withSeed(1);
        new Trainer(net, cfg).fit(train);
        Map<String, Double> m = Evaluator.evaluate(net, cfg.loss(), cfg.metrics(), test, 256, "");
        assertTrue(m.get("accuracy") >= 0.75, "test accuracy " + m);
    }
}
