package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.AttentionLayer;
import org.layerlab.nn.AuxiliaryLoss;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.Masks;
import org.layerlab.nn.Parameter;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.RecurrentLayer;

/** A layer's gradients against central differences, for every input and every weight, on a batch of two. */
final class LayerGradients {
    private LayerGradients() {
    }

    static void check(LayerSpec spec, List<Shape> shapes, long seed, long dataSeed) {
        check(spec, shapes, seed, dataSeed, null);
    }

    /** With a padding mask (batch of two × steps) given to a layer that uses masks. */
    static void check(LayerSpec spec, List<Shape> shapes, long seed, long dataSeed, byte[] mask) {
        ParameterStore store = new ParameterStore(seed);
        LayerRuntime rt = spec.build(new BuildContext("n", shapes, store, seed));
        if (mask != null) {
            ((Masks.User) rt).useMask(mask);
        }
        Random rng = new Random(dataSeed);
        Tensor[] xs = new Tensor[shapes.size()];
        Tensor[] dxs = new Tensor[shapes.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = GradCheck.random(rng, 1, shapes.get(i).withBatch(2));
            dxs[i] = Tensor.zeros(shapes.get(i).withBatch(2));
        }
        int[] outDims = spec.outputShape(shapes).withBatch(2);
        Tensor y = Tensor.zeros(outDims);
        Tensor w = GradCheck.random(rng, 1, outDims);
        rt.allocate(2);
        rt.forward(xs, y, true);
        rt.backward(xs, y, w, dxs);
        if (rt instanceof Sampling.Runtime s) {
            s.holdNoise(); // the same ε in every pass compared: the gradient is through one sample
        }
        if (rt instanceof AttentionLayer a) {
            a.attention().holdMask(); // likewise the same dropout mask
        }
        if (rt instanceof RecurrentLayer r) {
            r.recurrence().holdRecurrentMask(); // and the same recurrent dropout masks
        }
        Supplier<Double> objective = () -> {
            rt.forward(xs, y, true);
            return GradCheck.weightedSum(y, w) + (rt instanceof AuxiliaryLoss a ? a.lastLoss() : 0);
        };
        for (int i = 0; i < xs.length; i++) {
            GradCheck.tensor(spec + " d(input " + i + ")", xs[i], dxs[i], objective);
        }
        for (Parameter p : store.ofNode("n").values()) {
            assertNotNull(p.grad());
            GradCheck.tensor(spec + " d" + p.name(), p.value(), p.grad(), objective);
        }
    }
}
