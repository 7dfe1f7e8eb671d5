package org.layerlab.nn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Loss;

/** An autoencoder given labelled data is told what is wrong: the target, not the network. */
class AutoencoderValidationTest {
    @Test
    void aVaeOnLabelledImagesAsksForTheInputAsTarget() {
        NetworkGraph vae = Architectures.convolutionalVae(2, 0.001, 0);
        GraphAnalysis labelled = GraphAnalysis.of(vae, Loss.BINARY_CROSSENTROPY, new DataSummary(Shape.of(28, 28, 1), 10, 1));
        List<Problem> errors = labelled.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("Target: the input itself"), errors.get(0).message());
        assertFalse(errors.get(0).message().contains("set units"), "the network is right: no unit change offered");

        GraphAnalysis reconstruct = GraphAnalysis.of(vae, Loss.BINARY_CROSSENTROPY,
                new DataSummary(Shape.of(28, 28, 1), 0, 784));
        assertTrue(reconstruct.problems().stream().noneMatch(Problem::isError), reconstruct.problems().toString());
    }

    @Test
    void aTableWithAsManyClassesAsFeaturesIsNotTakenForAnAutoencoder() {
        NetworkGraph g = GraphAnalysisTest.chain(org.layerlab.nn.layers.Input.of(4),
                new org.layerlab.nn.layers.Dense(4, "softmax"));
        GraphAnalysis a = GraphAnalysis.of(g, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, new DataSummary(Shape.of(4), 4, 1));
        assertTrue(a.problems().stream().noneMatch(Problem::isError), a.problems().toString());
    }
}
