package org.layerlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.layerlab.engine.Shape;
import org.layerlab.nn.ParameterStore;
import org.layerlab.nn.graph.GraphAnalysis;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.network.Network;
import org.layerlab.nn.network.Sequential;
import org.layerlab.project.SmallGan;

class GeneratedSnapshotTest {
    @Test
    void theGeneratorsImagesFromTheSameNoiseEveryTime() {
        Network net = Network.compile(GraphAnalysis.of(SmallGan.graph()).plan(), new ParameterStore(4));
        GeneratedSnapshot a = GeneratedSnapshot.of(net, GeneratedSnapshot.COUNT, 10, 1);
        assertEquals(Shape.of(28, 28, 1), a.image());
        assertEquals(32 * 784, a.images().length);
        for (float v : a.images()) {
            assertTrue(v >= 0 && v <= 1, "a sigmoid's pixel: " + v);
        }
        // Between epochs the network runs other batches; the grid's noise stays the same.
        GeneratedSnapshot b = GeneratedSnapshot.of(net, GeneratedSnapshot.COUNT, 20, 2);
        assertArrayEquals(a.images(), b.images());
        SampleGrid grid = a.grid(8);
        assertEquals(8 * 29 - 1, grid.width());
        assertEquals(4 * 29 - 1, grid.height());
        assertEquals(4, a.rows(8));
        assertEquals(2, a.rows(16));
    }

    @Test
    void onlyAGanThatMakesImagesHasAGrid() {
        assertNull(GeneratedSnapshot.of(Sequential.input(4).add(new Dense(1, "sigmoid")).build(1), 8, 0, 1));
        assertNull(GeneratedSnapshot.of(GanTrainingTest.gan(1, 1), 8, 0, 1), "a GAN of numbers draws no grid");
    }
}
