package org.layerlab.project;

import java.nio.file.Path;
import java.util.List;

import org.layerlab.engine.Shape;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.nn.layers.Reshape;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.training.TrainingConfig;

/**
 * A dense GAN on the shipped Fashion-MNIST subset, small enough that tests train it for an epoch
 * or two in a second or so: noise (16) → Dense(64) → Dense(784, sigmoid) → Reshape (28, 28, 1)
 * → RealOrFake → Flatten → Dense(32) → Dense(1, sigmoid).
 */
public final class SmallGan {
    private SmallGan() {
    }

    public static NetworkGraph graph() {
        LayerSpec[] chain = {new Input(Shape.of(16)), new Dense(64, "relu"), new Dense(784, "sigmoid"), Reshape.of(28, 28, 1),
                new RealOrFake("normal", 1, 0.1, 1e-3, "same"), new Flatten(), new Dense(32, "relu"), new Dense(1, "sigmoid")};
        String[] ids = {"noise", "dense", "dense_1", "image", "real_or_fake", "flatten", "dense_2", "judgement"};
        NetworkGraph g = NetworkGraph.empty();
        for (int i = 0; i < chain.length; i++) {
            g = g.withNode(new GraphNode(ids[i], ids[i], chain[i], 100, 40 + 110 * i));
            if (i > 0) {
                g = g.withEdge(new GraphEdge(ids[i - 1], ids[i], 0));
            }
        }
        return g;
    }

    /** The project, saved as dir/gan.layerlab beside a copy of the Fashion-MNIST subset; returns its file. */
    public static Path saveInto(Path dir, int epochs) throws Exception {
        SampleData.copyFashionSubset(dir);
        List<String> files = SampleData.FASHION_FILES.stream().map(f -> "data/fashion-mnist-small/" + f).toList();
        Project p = new Project("Small GAN", graph(), TrainingConfig.of(Loss.BINARY_CROSSENTROPY, epochs)
                .withBatchSize(64).withOptimizer(OptimizerSpec.of("adam", 1e-3)).withMetrics(List.of()),
                new DatasetSource.Idx(files.get(0), files.get(1), files.get(2), files.get(3)), List.of(), null);
        Path file = dir.resolve("gan.layerlab");
        ProjectFiles.save(p, file);
        return file;
    }
}
