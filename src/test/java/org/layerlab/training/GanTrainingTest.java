package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.layerlab.data.ArrayDataset;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.RealOrFake;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.nn.optimizers.Optimizer;
import org.layerlab.nn.optimizers.OptimizerSpec;

class GanTrainingTest {
    /** Noise (2) → generator → one number → discriminator → real or fake. */
    static Network gan(int discriminatorSteps, long seed) {
        return Sequential.input(2).add(new Dense(16, "relu")).add(new Dense(1))
                .add(new RealOrFake("normal", discriminatorSteps, 0.0, 0.003, "same"))
                .add(new Dense(16, "relu")).add(new Dense(1, "sigmoid")).build(seed);
    }

    /** One number per sample, drawn from N(mean, 0.5²); the labels are there and ignored. */
    static ArrayDataset numbers(int n, double mean) {
        return numbers(n, mean, -1);
    }

    /** ... with sample nanAt NaN (none when negative). */
    static ArrayDataset numbers(int n, double mean, int nanAt) {
        SplittableRandom r = new SplittableRandom(5);
        float[][] x = new float[n][1];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i == nanAt ? Float.NaN : (float) (mean + 0.5 * r.nextGaussian());
        }
        return ArrayDataset.regression(x, y);
    }

    static TrainingConfig config(int epochs, double discriminatorRate) {
        return TrainingConfig.of(Loss.BINARY_CROSSENTROPY, epochs).withBatchSize(32)
                .withOptimizer(OptimizerSpec.of("adam", discriminatorRate));
    }

    private static Map<String, float[]> weightsOf(Network net, String... nodes) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Parameter p : net.parameters()) {
            if (List.of(nodes).contains(p.nodeId())) {
                out.put(p.nodeId() + "/" + p.name(), p.value().data().clone());
            }
        }
        return out;
    }

    private static void assertSame(Map<String, float[]> a, Map<String, float[]> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertArrayEquals(v, b.get(k), k));
    }

    private static boolean changed(Map<String, float[]> a, Map<String, float[]> b) {
        return a.keySet().stream().anyMatch(k -> !Arrays.equals(a.get(k), b.get(k)));
    }

    @Test
    void eachPhaseStepsOnlyItsOwnNetworksWeights() {
        Network net = gan(2, 1);
        GanStep step = GanStep.of(net, config(1, 1e-3), 32);
        Tensor real = Tensor.ofBatch(32, Shape.of(1));
        real.fill(3f);
        String[] generator = {"dense", "dense_1"};
        String[] discriminator = {"dense_2", "dense_3"};
        Map<String, float[]> g0 = weightsOf(net, generator);
        Map<String, float[]> d0 = weightsOf(net, discriminator);

        step.train(real, OptimizerSpec.of("adam", 1e-3).create());
        Map<String, float[]> g1 = weightsOf(net, generator);
        Map<String, float[]> d1 = weightsOf(net, discriminator);
        assertSame(g0, g1); // the first of two discriminator steps: the generator waits
        assertTrue(changed(d0, d1));

        // A discriminator that does not learn (rate 0) keeps its weights through the generator's phase,
        // which computes its gradients on the way to the generator's.
        step.train(real, new Optimizer(1) {
            @Override
            public String kind() {
                return "frozen";
            }

            @Override
            protected int slotCount() {
                return 0;
            }

            @Override
            protected void update(float[] w, float[] g, float[][] slots, int from, int to, double lr, long t) {
            }
        });
        assertSame(d1, weightsOf(net, discriminator));
        assertTrue(changed(g1, weightsOf(net, generator)));
        assertTrue(net.parameters().stream().filter(p -> p.nodeId().startsWith("dense_2")).anyMatch(p -> p.grad().maxAbs() > 0),
                "the discriminator's gradients were computed in the generator's phase");
    }

    @Test
    void theGeneratorsOptimizerIsTheRecipesKindAtTheRecipesRate() {
        TrainingConfig config = config(1, 1e-3);
        Optimizer same = GanStep.generatorOptimizer(config, new RealOrFake("normal", 1, 0, 5e-4, "same"));
        assertEquals("Adam", same.kind()); // Keras class names
        assertEquals(5e-4, same.currentLearningRate(), 1e-12);
        Optimizer sgd = GanStep.generatorOptimizer(config, new RealOrFake("normal", 1, 0, 0.01, "sgd"));
        assertEquals("SGD", sgd.kind());
        assertEquals(0.01, sgd.currentLearningRate(), 1e-12);
    }

    @Test
    void theGeneratorLearnsWhereTheRealNumbersAre() {
        Network net = gan(1, 2);
        Trainer trainer = new Trainer(net, config(40, 2e-3));
        TrainingResult r = trainer.fit(numbers(512, 3.0));
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome(), r.message());
        Map<String, Double> last = r.last().metrics();
        assertEquals(List.of("loss", "g_loss", "d_real_acc", "d_fake_acc"), List.copyOf(last.keySet()));

        Tensor z = Tensor.zeros(2000, 2);
        GanNoise.fill(z.data(), z.size(), "normal", 99);
        net.forward(z, false);
        float[] made = net.outputOf("realorfake").data();
        double mean = 0;
        for (int i = 0; i < 2000; i++) {
            mean += made[i] / 2000.0;
        }
        // Untrained, the generator's numbers sit near 0; the real ones near 3 (a GAN circles its
        // target: with these rates it settles within ±0.3 from the 20th epoch on).
        assertEquals(3.0, mean, 0.5, "mean of generated numbers");
    }

    @Test
    void aNonFiniteLossStopsTheRunBeforeAnyStepWithIt() {
        Network net = gan(1, 3);
        ArrayDataset data = numbers(64, 3.0, 5);
        TrainingResult r = new Trainer(net, config(2, 1e-3)).fit(data);
        assertEquals(TrainingResult.Outcome.FAILED, r.outcome());
        assertTrue(r.message().contains("became NaN or infinite"), r.message());
        assertFalse(net.parameters().stream().anyMatch(p -> !p.value().allFinite()));
    }
}
