package org.layerlab.engine.ops;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Tensor;

class MergeOpsTest {
    private final Random rng = new Random(23);

    @Test
    void mergeGradientsForEveryKind() {
        for (Merge.Kind kind : Merge.Kind.values()) {
            int inputs = kind == Merge.Kind.SUBTRACT ? 2 : 3;
            Tensor[] xs = new Tensor[inputs];
            Tensor[] dxs = new Tensor[inputs];
            for (int i = 0; i < inputs; i++) {
                xs[i] = GradCheck.random(rng, 1, 2, 3);
                dxs[i] = Tensor.zeros(2, 3);
            }
            Tensor y = Tensor.zeros(2, 3);
            Tensor up = GradCheck.random(rng, 1, 2, 3);
            Merge.forward(kind, xs, y);
            Merge.backward(kind, xs, up, dxs);
            for (int i = 0; i < inputs; i++) {
                GradCheck.tensor(kind + " input " + i, xs[i], dxs[i], () -> {
                    Merge.forward(kind, xs, y);
                    return GradCheck.weightedSum(y, up);
                });
            }
        }
    }

    @Test
    void concatenationGradient() {
        Tensor a = GradCheck.random(rng, 1, 2, 2, 2, 3);
        Tensor b = GradCheck.random(rng, 1, 2, 2, 2, 1);
        Tensor y = Tensor.zeros(2, 2, 2, 4);
        int[] widths = {3, 1};
        Tensor up = GradCheck.random(rng, 1, 2, 2, 2, 4);
        Tensor da = Tensor.zeros(a.dims());
        Tensor db = Tensor.zeros(b.dims());
        Concat.forward(new Tensor[] {a, b}, widths, y);
        Concat.backward(up, widths, new Tensor[] {da, db});
        GradCheck.tensor("concat a", a, da, () -> {
            Concat.forward(new Tensor[] {a, b}, widths, y);
            return GradCheck.weightedSum(y, up);
        });
        GradCheck.tensor("concat b", b, db, () -> {
            Concat.forward(new Tensor[] {a, b}, widths, y);
            return GradCheck.weightedSum(y, up);
        });
    }
}
