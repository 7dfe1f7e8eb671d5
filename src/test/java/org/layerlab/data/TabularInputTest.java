package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.Tensor;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.GraphAnalysisTest;
import org.layerlab.nn.layers.Dense;
import org.layerlab.nn.layers.Input;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectSession;
import org.layerlab.training.TrainingConfig;

/** The table playground's values: set in raw units and categories, encoded and normalised as training was. */
class TabularInputTest {
    @TempDir
    Path dir;

    @Test
    void rowsRoundTripAndRangesAreTheTrainingRows() throws Exception {
        StringBuilder csv = new StringBuilder("size,colour,kind\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 60; i++) {
            csv.append(10 + i).append(',').append(colours[i % 3]).append(',').append(i < 30 ? "a" : "b").append('\n');
        }
        Files.writeString(dir.resolve("t.csv"), csv);
        DatasetSource.Csv source = new DatasetSource.Csv("t.csv", "kind", "classification", "standardize", 0.25, 42,
                null, null);
        Project p = new Project("t", GraphAnalysisTest.chain(Input.of(4), new Dense(2, "softmax")),
                TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 1), source, List.of(), null);
        ProjectSession s = ProjectSession.open(p, dir);
        DatasetSource.Csv fitted = (DatasetSource.Csv) s.data().source();
        TabularInput in = new TabularInput(s.data().encoder(), fitted.offset(), fitted.scale(), s.data().train());

        assertEquals(2, in.features().size());
        TabularInput.Feature size = in.features().get(0);
        TabularInput.Feature colour = in.features().get(1);
        assertTrue(size.numeric());
        assertFalse(colour.numeric());
        assertEquals(3, colour.categories().size());
        assertTrue(size.min() >= 10 - 1e-4 && size.max() <= 69 + 1e-4 && size.min() < size.max(), size.toString());

        for (int i = 0; i < s.data().test().size(); i++) {
            Tensor row = Tensor.ofBatch(1, s.data().test().featureShape());
            s.data().test().gather(new int[] {i}, 0, 1, row, Tensor.zeros(1, 1));
            assertArrayEquals(row.data(), in.encode(in.values(row.data())), 1e-5f, "test row " + i);
        }
        // A raw value goes through the training normalisation: (x − mean) / std.
        float[] x = in.encode(new double[] {40, 2});
        assertEquals((40 - fitted.offset()[0]) / fitted.scale()[0], x[0], 1e-5);
        assertEquals(in.normalised(0, 40), x[0], 1e-5);
    }

    @Test
    void aTableOfPixelsIsDrawnAsItsImage() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples/data/digits_8x8.csv"), dir.resolve("data/digits_8x8.csv"));
        Project digits = org.layerlab.project.ProjectFiles.load(Path.of("samples/digits_cnn.layerlab"));
        ProjectSession s = ProjectSession.open(digits, dir);
        DatasetSource.Csv fitted = (DatasetSource.Csv) s.data().source();
        TabularInput in = new TabularInput(s.data().encoder(), fitted.offset(), fitted.scale(), s.data().train());
        PixelTable pixels = PixelTable.of(in, org.layerlab.engine.Shape.of(8, 8, 1));
        assertTrue(pixels != null, "64 numeric columns reshaped to 8 × 8 × 1");
        Tensor row = Tensor.ofBatch(1, s.data().test().featureShape());
        s.data().test().gather(new int[] {3}, 0, 1, row, Tensor.zeros(1, 1));
        float[] grey = pixels.toGrey(row.data());
        for (float g : grey) {
            assertTrue(g >= -1e-6 && g <= 1 + 1e-6, "grey in [0, 1]: " + g);
        }
        assertArrayEquals(row.data(), pixels.toInput(grey), 1e-5f);
        assertEquals(null, PixelTable.of(in, org.layerlab.engine.Shape.of(4, 4, 1)), "not the table's size");
    }
}
