package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.data.Dataset;
import org.layerlab.data.ReconstructionDataset;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Loss;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.GraphEdge;
import org.layerlab.nn.graph.GraphNode;
import org.layerlab.nn.graph.NetworkGraph;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.Sampling;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.optimizers.OptimizerSpec;

/** A VAE trained by the ordinary loop on "target: the input itself", with the KL term in the loss and reported apart. */
class VariationalTrainingTest {
    /** 16 pixels drawn from four prototypes with a few flipped: something a 2-D code can capture. */
    static Dataset patterns(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * 16];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(4);
            for (int j = 0; j < 16; j++) {
                boolean on = j / 4 == k || j % 4 == k;
                x[i * 16 + j] = (on ^ rng.nextDouble() < 0.05) ? 1 : 0;
            }
            y[i] = k;
        }
        return new ReconstructionDataset(new ArrayDataset(x, Shape.of(16), y, 1, List.of("a", "b", "c", "d")));
    }

    static Network vae(double klWeight) {
        NetworkGraph g = NetworkGraph.empty()
                .withNode(new GraphNode("input", "input", new Input(Shape.of(16)), 0, 0))
                .withNode(new GraphNode("hidden", "hidden", new Dense(12, "relu"), 0, 100))
                .withNode(new GraphNode("z_mean", "z_mean", new Dense(2), 0, 200))
                .withNode(new GraphNode("z_log_var", "z_log_var", new Dense(2), 200, 200))
                .withNode(new GraphNode("sampling", "sampling", new Sampling(klWeight), 0, 300))
                .withNode(new GraphNode("decoder", "decoder", new Dense(12, "relu"), 0, 400))
                .withNode(new GraphNode("out", "out", new Dense(16, "sigmoid"), 0, 500))
                .withEdge(new GraphEdge("input", "hidden", 0)).withEdge(new GraphEdge("hidden", "z_mean", 0))
                .withEdge(new GraphEdge("hidden", "z_log_var", 0)).withEdge(new GraphEdge("z_mean", "sampling", 0))
                .withEdge(new GraphEdge("z_log_var", "sampling", 1)).withEdge(new GraphEdge("sampling", "decoder", 0))
                .withEdge(new GraphEdge("decoder", "out", 0));
        return Network.compile(GraphAnalysis.of(g).plan(), new ParameterStore(3));
    }

    @Test
    void reconstructionImprovesAndTheKlTermIsReportedApartAndInTheLoss() {
        Dataset train = patterns(256, 1);
        Dataset test = patterns(64, 2);
        TrainingConfig cfg = new TrainingConfig(40, 16, OptimizerSpec.of("adam", 0.01), Loss.BINARY_CROSSENTROPY,
                List.of(), 1, 0, true, null, null);
        TrainingResult r = new Trainer(vae(0.05), cfg).fit(train, test);
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome(), r.message());

        Map<String, Double> first = r.history().get(0).metrics();
        Map<String, Double> last = r.last().metrics();
        assertEquals(List.of("loss", "reconstruction_loss", "kl_loss", "val_loss", "val_reconstruction_loss",
                "val_kl_loss"), List.copyOf(last.keySet()));
        assertTrue(last.get("reconstruction_loss") < 0.6 * first.get("reconstruction_loss"), first + " → " + last);
        assertTrue(last.get("val_reconstruction_loss") < 0.6 * first.get("val_reconstruction_loss"), first + " → " + last);
        for (var epoch : r.history()) {
            Map<String, Double> m = epoch.metrics();
            assertTrue(m.get("kl_loss") > 0, m.toString());
            assertEquals(m.get("loss"), m.get("reconstruction_loss") + m.get("kl_loss"), 1e-9);
        }
    }

    @Test
    void aLargerKlWeightKeepsTheCodesCloserToTheUnitGaussian() {
        assertTrue(klAfterTraining(0.2) < klAfterTraining(0.0001));
    }

    /** The unweighted KL divergence of the codes after training with weight β (the reported term is β·KL). */
    private static double klAfterTraining(double beta) {
        TrainingConfig cfg = new TrainingConfig(30, 16, OptimizerSpec.of("adam", 0.01), Loss.BINARY_CROSSENTROPY,
                List.of(), 1, 0, true, null, null);
        return new Trainer(vae(beta), cfg).fit(patterns(256, 1)).last().get("kl_loss") / beta;
    }

    @Test
    void anAutoencoderOnLabelledImagesSaysToMakeTheInputTheTarget() {
        Dataset labelled = LatentSnapshotTest.images(8).labelled();
        Network ae = Network.compile(GraphAnalysis.of(LatentSnapshotTest.vae(2)).plan(), new ParameterStore(1));
        TrainingConfig cfg = new TrainingConfig(1, 4, OptimizerSpec.of("adam", 0.01), Loss.BINARY_CROSSENTROPY,
                List.of(), 1, 0, true, null, null);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Trainer(ae, cfg).fit(labelled));
        assertTrue(e.getMessage().contains("Target: the input itself"), e.getMessage());
    }
}
