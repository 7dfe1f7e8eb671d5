package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.SmallGan;

/** A GAN from the command line: trained with a grid per epoch, sampled, and refused where it has nothing to say. */
class GanCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainWritesTheGeneratorsGridPerEpochAndNoTestMetric() throws Exception {
        Path file = SmallGan.saveInto(dir, 2);
        Path grids = dir.resolve("grids");
        Run r = Run.of("train", file.toString(), "--samples", grids.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("g_loss") && r.out().contains("d_fake_acc"), r.out());
        assertFalse(r.out().contains("Test:"), r.out());
        BufferedImage png = ImageIO.read(grids.resolve("epoch-002.png").toFile());
        // 32 images from fixed noise: four rows of eight 28-pixel images with 1-pixel gaps, four pixels per pixel.
        assertEquals((8 * 29 - 1) * 4, png.getWidth());
        assertEquals((4 * 29 - 1) * 4, png.getHeight());
        assertTrue(Files.exists(grids.resolve("epochs-001-002.gif")));
        Project trained = ProjectFiles.load(file);
        assertEquals(2, trained.history().size());
        assertEquals(Set.of("loss", "g_loss", "d_real_acc", "d_fake_acc"), trained.history().get(1).metrics().keySet());
    }

    @Test
    void sampleDrawsFromTheGeneratorTheSameForTheSameSeed() throws Exception {
        Path file = SmallGan.saveInto(dir, 1);
        assertEquals(0, Run.of("train", file.toString()).code());
        Run r = Run.of("sample", file.toString(), "--count", "5", "--out", dir.resolve("a").toString(), "--seed", "3");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("wrote 5 samples of (28, 28, 1)"), r.out());
        assertTrue(Files.exists(dir.resolve("a/sample-005.png")));
        assertEquals(0, Run.of("sample", file.toString(), "--count", "5", "--out", dir.resolve("b").toString(), "--seed",
                "3").code());
        assertEquals(0, Run.of("sample", file.toString(), "--count", "5", "--out", dir.resolve("c").toString(), "--seed",
                "4").code());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/samples.png")), Files.readAllBytes(dir.resolve("b/samples.png")));
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a/samples.png")),
                Files.readAllBytes(dir.resolve("c/samples.png"))), "another seed, other images");
    }

    @Test
    void evaluateAndPredictSayWhyAGanHasNothingForThem() throws Exception {
        Path file = SmallGan.saveInto(dir, 1);
        assertEquals(0, Run.of("train", file.toString()).code());
        Run evaluate = Run.of("evaluate", file.toString());
        assertEquals(2, evaluate.code(), evaluate.out() + evaluate.err());
        assertTrue(evaluate.err().contains("is a GAN") && evaluate.err().contains("'sample'"), evaluate.err());
        Path image = dir.resolve("data/fashion-mnist-small/t10k-images-idx3-ubyte.gz");
        Run predict = Run.of("predict", file.toString(), "--input", image.toString());
        assertEquals(2, predict.code(), predict.out() + predict.err());
        assertTrue(predict.err().contains("is a GAN"), predict.err());
    }
}
