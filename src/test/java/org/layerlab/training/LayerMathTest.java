package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.ops.ActivationFunction;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.nn.optimizers.OptimizerState;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.runs.Run;

/**
 * The math view's numbers are the engine's: a Dense layer's z summed from the shown x, W and b
 * gives its output through f; its weight gradient is x·δ and its input gradient W·δ; a Conv2D
 * output is the shown patch times the kernel plus the bias; Adam's next step is Keras' formula
 * applied to the shown moments.
 */
class LayerMathTest {
    @TempDir
    Path dir;

    /** A sample trained a little, and its data. */
    private record Trained(Project project, ProjectSession session) {
    }

    private Trained trained(String sample, String csv, int epochs) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples/data", csv), dir.resolve("data").resolve(csv));
        Project p = ProjectFiles.load(Path.of("samples", sample));
        Project t = ProjectSession.open(p, dir).train(epochs, List.of()).project();
        return new Trained(t, ProjectSession.open(t, dir));
    }

    @Test
    void aDenseLayersFormulasGiveTheEnginesNumbers() throws Exception {
        Trained t = trained("iris.layerlab", "iris.csv", 5);
        ProjectSession s = t.session();
        LayerMath math = new LayerMath(t.project().graph(), t.project().weights(), t.project().training().loss());
        double loss = math.run(s.data().test(), 3);
        assertTrue(loss > 0 && Double.isFinite(loss));
        for (String layer : List.of("dense", "dense_1")) {
            LayerMath.DenseTerms d = math.dense(layer);
            for (int j = 0; j < d.units(); j++) {
                double z = d.z(j);
                if (layer.equals("dense")) {
                    assertEquals(ActivationFunction.RELU.value(z, 0), d.y()[j], 1e-5, "relu(z) = y, unit " + j);
                }
                for (int i = 0; i < d.in(); i++) {
                    assertEquals(d.x()[i] * d.delta()[j], d.dw()[i * d.units() + j], 1e-6, "∂L/∂W = x·δ");
                }
            }
        }
        // The output layer: softmax of its z is its output, and δ = ŷ − y (the fused softmax cross-entropy).
        LayerMath.DenseTerms out = math.dense("dense_1");
        double sum = 0;
        for (int j = 0; j < out.units(); j++) {
            sum += Math.exp(out.z(j));
        }
        for (int j = 0; j < out.units(); j++) {
            assertEquals(Math.exp(out.z(j)) / sum, out.y()[j], 1e-5);
        }
        int truth = (int) s.data().test().target(3);
        for (int j = 0; j < out.units(); j++) {
            assertEquals(out.y()[j] - (j == truth ? 1 : 0), out.delta()[j], 1e-5, "δ = ŷ − y");
        }
        // ∂L/∂x of the output layer = W·δ, which is the hidden layer's output gradient.
        for (int i = 0; i < out.in(); i++) {
            double dx = 0;
            for (int j = 0; j < out.units(); j++) {
                dx += out.w(i, j) * out.delta()[j];
            }
            assertEquals(dx, out.dx()[i], 1e-6);
        }
    }

    @Test
    void aConvolutionAtOnePositionIsThePatchTimesTheKernel() throws Exception {
        Trained t = trained("digits_cnn.layerlab", "digits_8x8.csv", 1);
        ProjectSession s = t.session();
        Project p = t.project();
        LayerMath math = new LayerMath(p.graph(), p.weights(), p.training().loss());
        math.run(s.data().test(), 0);
        for (String layer : List.of("conv2d", "conv2d_1")) {
            LayerMath.ConvTerms c = math.conv(layer, -1);
            assertEquals(ActivationFunction.RELU.value(c.z(), 0), c.y(), 1e-5, layer + " at " + c.row() + "," + c.col());
            assertEquals(c.kh() * c.kw() * c.channels(), c.patch().length);
        }
    }

    @Test
    void adamsNextStepIsKerasFormulaOnTheShownMoments() throws Exception {
        Trained t = trained("iris.layerlab", "iris.csv", 3);
        ProjectSession s = t.session();
        Project p = t.project();
        Run run = p.runs().runs().get(0);
        OptimizerState state = run.last().loadOptimizer();
        LayerMath math = new LayerMath(p.graph(), p.weights(), p.training().loss());
        math.run(s.data().train(), 0);
        OptimizerSpec adam = p.training().optimizer();
        LayerMath.Update u = math.update("dense", "kernel", 5, adam, state);
        assertEquals("Adam", u.kind());
        assertEquals(state.iterations() + 1, u.step());
        double b1 = 0.9;
        double b2 = 0.999;
        double g = u.gradient();
        double m = b1 * u.slotsBefore()[0] + (1 - b1) * g;
        double v = b2 * u.slotsBefore()[1] + (1 - b2) * g * g;
        assertArrayEquals(new float[] {(float) m, (float) v}, u.slotsAfter(), 1e-7f);
        double alpha = u.rate() * Math.sqrt(1 - Math.pow(b2, u.step())) / (1 - Math.pow(b1, u.step()));
        assertEquals(u.weight() - alpha * m / (Math.sqrt(v) + 1e-7), u.after(), 1e-6);
        assertTrue(u.slotsBefore()[1] > 0, "the moments the run left, not zeros");
    }
}
