package org.layerlab.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.LayerKind;
import org.layerlab.nn.layers.LayerKinds;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.training.Metric;
import org.layerlab.training.TrainingConfig;

/**
 * The golden project that holds one node of every layer kind (its palette example), unwired: it
 * pins the saved form of every kind. Not a test: {@code main} rewrites the file after a kind is
 * added (then review the diff); ProjectFilesTest checks that the file on disk loads, re-saves
 * byte for byte, and names every kind.
 */
public final class GoldenEveryKind {
    static final Path FILE = Path.of("src", "test", "resources", "projects", "golden-every-kind-v1.layerlab");

    private GoldenEveryKind() {
    }

    static Project project() {
        NetworkGraph g = NetworkGraph.empty();
        int i = 0;
        for (LayerKind k : LayerKinds.all()) {
            String id = g.newId(k.name());
            g = g.withNode(new GraphNode(id, id, k.example(), 100 + 260 * (i % 4), 40 + 125 * (i / 4)));
            i++;
        }
        TrainingConfig t = new TrainingConfig(1, 32, OptimizerSpec.of("adam", 0.001), Loss.MSE, List.of(Metric.MAE), 42, 0,
                true, null, null);
        return new Project("Golden: every layer kind, format 1", g, t, null, null, null);
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, ProjectFiles.toJson(project(), null));
    }
}
