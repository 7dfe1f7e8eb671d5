package org.layerlab.nn.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Padding;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.layers.ActivationLayer;
import org.layerlab.nn.layers.Conv2D;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Flatten;
import org.layerlab.nn.layers.MaxPooling2D;

/**
 * A ReLU before a max pooling runs its backward on the pooled gradient: the parameters' gradients
 * are those of the separate backward, pass after pass, and only where the pooling's windows do
 * not overlap and the ReLU's output has no other reader.
 */
class ReluThroughPoolingTest {
    private final Random rng = new Random(7);

    @Test
    void theGradientsAreThoseOfTheSeparateBackward() {
        // A built-in relu over 7 × 7 (pooling leaves the last row and column out), and an Activation
        // layer's relu over the second convolution's 6 × 6.
        Supplier<Network> cnn = () -> Sequential.input(7, 7, 2)
                .add(new Conv2D(4, 3, "relu").withPadding(Padding.SAME)).add(new MaxPooling2D(2))
                .add(new Conv2D(6, 1, "linear").withPadding(Padding.SAME)).add(new ActivationLayer("relu"))
                .add(new MaxPooling2D(2)).add(new Flatten()).add(new Dense(3, "softmax")).build(5);
        Network fused = cnn.get();
        assertEquals(2, fused.steps().stream().filter(s -> s.reluBefore >= 0).count(), "both poolings take their relu");
        Network separate = cnn.get().withInputGradient();
        assertEquals(0, separate.steps().stream().filter(s -> s.reluBefore >= 0).count());
        int size = 7 * 7 * 2;
        // The first pass leaves every buffer used: the second must not depend on what it left.
        pass(fused, random(3 * size), random(9));
        float[] x = random(3 * size);
        float[] seed = random(9);
        List<float[]> a = pass(fused, x, seed);
        List<float[]> b = pass(separate, x, seed);
        float largest = 0;
        for (int p = 0; p < a.size(); p++) {
            for (int i = 0; i < a.get(p).length; i++) {
                // == : a zeroed gradient may be -0 on one side and +0 on the other.
                assertTrue(a.get(p)[i] == b.get(p)[i], "parameter " + p + " [" + i + "]: " + a.get(p)[i] + " vs " + b.get(p)[i]);
                largest = Math.max(largest, Math.abs(a.get(p)[i]));
            }
        }
        assertTrue(largest > 0, "the pass gave the parameters gradients");
        assertNull(fused.gradientOf("conv2d"), "the ReLU's output gradient is not formed");
    }

    @Test
    void notWhereWindowsOverlapOrTheReluHasAnotherReader() {
        Network overlapping = Sequential.input(9, 9, 1).add(new Conv2D(2, 3, "relu"))
                .add(new MaxPooling2D(org.layerlab.nn.Size2.square(3), org.layerlab.nn.Size2.square(2), Padding.VALID)).add(new Flatten()).add(new Dense(2)).build(3);
        assertTrue(overlapping.steps().stream().noneMatch(s -> s.reluBefore >= 0 || s.backwardByReader));
        Network last = Sequential.input(4, 4, 1).add(new Conv2D(2, 3, "relu")).build(3);
        assertTrue(last.steps().stream().noneMatch(s -> s.reluBefore >= 0 || s.backwardByReader));
    }

    private float[] random(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    private static List<float[]> pass(Network net, float[] x, float[] seed) {
        net.forward(Tensor.wrap(x, 3, 7, 7, 2), true);
        net.zeroGradients();
        System.arraycopy(seed, 0, net.seedGradient(false).data(), 0, seed.length);
        net.backward(false);
        List<float[]> grads = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            grads.add(p.grad().data().clone());
        }
        return grads;
    }
}
