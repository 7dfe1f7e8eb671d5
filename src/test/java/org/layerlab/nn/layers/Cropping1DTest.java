package org.layerlab.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.GradCheck;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.BuildContext;
import org.layerlab.nn.Ends;
import org.layerlab.nn.LayerRuntime;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.ShapeException;

class Cropping1DTest {
    @Test
    void keepingTheLastStepAloneIsWhatANextTokenHeadReads() {
        Cropping1D last = new Cropping1D(new Ends(4, 0));
        List<Shape> in = List.of(Shape.of(5, 3));
        assertEquals(Shape.of(1, 3), last.outputShape(in));
        LayerRuntime rt = last.build(new BuildContext("c", in, new ParameterStore(1), 1));
        Tensor x = GradCheck.random(new Random(2), 1, 2, 5, 3);
        Tensor y = Tensor.zeros(2, 1, 3);
        rt.forward(new Tensor[] {x}, y, true);
        for (int b = 0; b < 2; b++) {
            assertArrayEquals(Arrays.copyOfRange(x.data(), (b * 5 + 4) * 3, (b * 5 + 5) * 3),
                    Arrays.copyOfRange(y.data(), b * 3, b * 3 + 3));
        }
        Tensor dx = Tensor.zeros(2, 5, 3);
        Tensor g = GradCheck.random(new Random(3), 1, 2, 1, 3);
        rt.backward(new Tensor[] {x}, y, g, new Tensor[] {dx});
        for (int i = 0; i < 4 * 3; i++) {
            assertEquals(0f, dx.data()[i], "the cut steps get no gradient");
        }
        assertArrayEquals(Arrays.copyOfRange(g.data(), 0, 3), Arrays.copyOfRange(dx.data(), 12, 15));
    }

    @Test
    void kerasDefaultsAndCroppingEverythingIsRefusedInWords() {
        assertEquals(Ends.of(1), ((Cropping1D) LayerKinds.named("Cropping1D").create(java.util.Map.of())).cropping());
        ShapeException e = assertThrows(ShapeException.class,
                () -> new Cropping1D(new Ends(3, 2)).outputShape(List.of(Shape.of(5, 3))));
        assertTrue(e.getMessage().contains("would leave nothing of 5 steps") && e.getMessage().contains("at most 4"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Ends(-1, 0));
    }
}
