package org.layerlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.graph.Problem;
import org.layerlab.nn.network.Network;

/** Every template is a valid network that runs; the Transformer block has the shapes and count Keras gives it. */
class TemplatesTest {
    @Test
    void everyTemplateIsValidAndRuns() {
        Templates.all().forEach((name, project) -> {
            GraphAnalysis a = GraphAnalysis.of(project.graph());
            List<Problem> errors = a.problems().stream().filter(Problem::isError).toList();
            if (project.graph().size() == 0) {
                return;
            }
            assertEquals(List.of(), errors, name);
            Network net = Network.compile(a.plan(), new ParameterStore(1));
            Shape in = net.inputShape();
            Tensor x = Tensor.zeros(in.withBatch(2));
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = new Random(i).nextInt(10); // whole numbers: token ids for the text templates
            }
            Tensor y = net.forward(x, false);
            assertTrue(y.allFinite(), name);
        });
    }

    @Test
    void transformerEncoderBlockHasKerasShapesAndParameters() {
        GraphAnalysis a = GraphAnalysis.of(Templates.transformerEncoder());
        assertEquals(Shape.of(64, 32), a.info("multiheadattention").outputShape());
        assertEquals(Shape.of(64, 32), a.info("feed_forward_out").outputShape());
        assertEquals(Shape.of(2), a.info(a.outputId()).outputShape());
        long embedding = 10_000 * 32 + 64 * 32;
        long attention = 4 * (32 * 32 + 32);
        long norms = 2 * (2 * 32);
        long feedForward = 32 * 64 + 64 + 64 * 32 + 32;
        long classifier = 32 * 2 + 2;
        assertEquals(embedding + attention + norms + feedForward + classifier, a.totalParams());
    }
}
