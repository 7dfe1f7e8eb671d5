package org.layerlab.nn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.nn.Activation;
import org.layerlab.nn.Initializer;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Size2;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Conv2DTranspose;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.Input;
import org.layerlab.nn.layers.LayerKinds;
import org.layerlab.nn.layers.LayerSpec;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.nn.layers.Reshape;

class GanChecksTest {
    private static final DataSummary FASHION = new DataSummary(Shape.of(28, 28, 1), 10, 1);

    /** noise (16) → Dense → Reshape (7, 7, 8) → Conv2DTranspose (14, 14, filters) → seam → Conv2D → Flatten → Dense(units). */
    static NetworkGraph gan(int filters, int units, int transposeStrides) {
        NetworkGraph g = NetworkGraph.empty();
        Object[][] layers = {
                {"noise", Input.of(16)},
                {"dense", new Dense(7 * 7 * 8, "relu")},
                {"reshape", Reshape.of(7, 7, 8)},
                {"up", new Conv2DTranspose(filters, Size2.square(3), Size2.square(transposeStrides), Padding.SAME,
                        Activation.SIGMOID, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS)},
                {"seam", new RealOrFake("normal", 1, 0.1, 2e-4, "same")},
                {"judge", new Conv2D(4, 3, "relu")},
                {"flat", new Flatten()},
                {"out", new Dense(units, "sigmoid")}};
        String previous = null;
        for (Object[] l : layers) {
            g = g.withNode(new GraphNode((String) l[0], (String) l[0], (LayerSpec) l[1], 0, 0));
            if (previous != null) {
                g = g.withEdge(new GraphEdge(previous, (String) l[0], 0));
            }
            previous = (String) l[0];
        }
        return g;
    }

    private static List<String> errors(GraphAnalysis a) {
        return a.problems().stream().filter(Problem::isError).map(Problem::message).toList();
    }

    private static Problem only(GraphAnalysis a) {
        List<Problem> errors = a.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    @Test
    void aGanIsCheckedAtTheSeamNotAtTheNoiseInputAndNotAgainstTheLabels() {
        // The noise Input (16) is not the data's (28, 28, 1), and the labels' 10 classes are not D's one unit: both fine.
        GraphAnalysis a = GraphAnalysis.of(gan(1, 1, 4), Loss.BINARY_CROSSENTROPY, FASHION);
        assertEquals(List.of(), errors(a));
        assertEquals(Shape.of(28, 28, 1), a.info("seam").outputShape());
    }

    @Test
    void theGeneratorsImageMustBeTheDatasWithAFixForItsChannels() {
        Problem p = only(GraphAnalysis.of(gan(3, 1, 4), Loss.BINARY_CROSSENTROPY, FASHION));
        assertEquals("seam", p.nodeId());
        assertTrue(p.message().contains("makes (28, 28, 3) but the data's images are (28, 28, 1)"), p.message());
        NetworkGraph fixed = p.fix().apply(gan(3, 1, 4));
        assertEquals(List.of(), errors(GraphAnalysis.of(fixed, Loss.BINARY_CROSSENTROPY, FASHION)));

        Problem size = only(GraphAnalysis.of(gan(1, 1, 2), Loss.BINARY_CROSSENTROPY, FASHION));
        assertTrue(size.message().contains("makes (14, 14, 1)"), size.message());
        assertEquals(null, size.fix()); // strides or sizes: the user's choice
    }

    @Test
    void theDiscriminatorEndsInOneProbabilityTrainedWithBinaryCrossEntropy() {
        Problem units = only(GraphAnalysis.of(gan(1, 10, 4), Loss.BINARY_CROSSENTROPY, FASHION));
        assertTrue(units.message().contains("must give one"), units.message());
        assertNotNull(units.fix());
        assertEquals(List.of(), errors(GraphAnalysis.of(units.fix().apply(gan(1, 10, 4)), Loss.BINARY_CROSSENTROPY,
                FASHION)));

        Problem loss = only(GraphAnalysis.of(gan(1, 1, 4), Loss.MSE, FASHION));
        assertTrue(loss.message().contains("binary_crossentropy"), loss.message());
    }

    @Test
    void theDiscriminatorSeesNothingOfTheGeneratorButTheImage() {
        NetworkGraph g = gan(1, 1, 4).withNode(new GraphNode("add", "add",
                LayerKinds.named("Add").example(), 0, 0));
        g = g.withoutEdge(g.inputsOf("judge").get(0)).withEdge(new GraphEdge("seam", "add", 0))
                .withEdge(new GraphEdge("up", "add", 1)).withEdge(new GraphEdge("add", "judge", 0));
        Problem p = only(GraphAnalysis.of(g, Loss.BINARY_CROSSENTROPY, FASHION));
        assertEquals("add", p.nodeId());
        assertTrue(p.message().contains("a layer of the generator"), p.message());

        NetworkGraph two = gan(1, 1, 4).withNode(new GraphNode("seam2", "seam2", new RealOrFake("normal", 1, 0, 2e-4, "same"), 0, 0));
        two = two.withoutEdge(two.inputsOf("judge").get(0)).withEdge(new GraphEdge("seam", "seam2", 0))
                .withEdge(new GraphEdge("seam2", "judge", 0));
        assertFalse(errors(GraphAnalysis.of(two)).isEmpty());
    }
}
