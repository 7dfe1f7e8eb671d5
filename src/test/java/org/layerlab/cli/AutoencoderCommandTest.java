package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.nn.Loss;
import org.layerlab.nn.graph.Architectures;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.Project;
import org.layerlab.project.ProjectFiles;
import org.layerlab.project.SampleData;
import org.layerlab.training.TrainingConfig;

/** An autoencoder trained from the command line: the target is the input, and each epoch leaves its picture. */
class AutoencoderCommandTest {
    @TempDir
    Path dir;

    private Path denseAutoencoder() throws Exception {
        SampleData.copyFashionSubset(dir);
        List<String> files = SampleData.FASHION_FILES.stream().map(f -> "data/fashion-mnist-small/" + f).toList();
        Project p = new Project("AE", Architectures.denseAutoencoder(16, 0),
                TrainingConfig.of(Loss.BINARY_CROSSENTROPY, 2).withMetrics(List.of()),
                new DatasetSource.Reconstruct(new DatasetSource.Idx(files.get(0), files.get(1), files.get(2),
                        files.get(3))), List.of(), null);
        Path file = dir.resolve("ae.layerlab");
        ProjectFiles.save(p, file);
        return file;
    }

    @Test
    void trainWritesAGridPerEpochAndKeepsTheTargetOption() throws Exception {
        Path file = denseAutoencoder();
        Path grids = dir.resolve("grids");
        Run r = Run.of("train", file.toString(), "--samples", grids.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("reconstruction_loss") || r.out().contains("loss"), r.out());
        for (String name : List.of("epoch-001.png", "epoch-002.png")) {
            BufferedImage png = ImageIO.read(grids.resolve(name).toFile());
            // Eight 28-pixel images a row with 1-pixel gaps, two pairs of rows, four pixels per image pixel.
            assertEquals((8 * 29 - 1) * 4, png.getWidth(), name);
            assertEquals((2 * (2 * 29) + 2 - 1) * 4, png.getHeight(), name);
        }
        assertTrue(Files.exists(grids.resolve("epochs-001-002.gif")), "the run's epochs as one animation");
        Project trained = ProjectFiles.load(file);
        assertTrue(trained.dataset() instanceof DatasetSource.Reconstruct, trained.dataset().describe());
        assertEquals(2, trained.history().size());
        // Training continues the numbering, so a second run does not overwrite the first run's pictures.
        assertEquals(0, Run.of("train", file.toString(), "--epochs", "1", "--samples", grids.toString()).code());
        assertTrue(Files.exists(grids.resolve("epoch-003.png")));
    }

    @Test
    void samplesForANetworkThatDoesNotReconstructImagesIsRefusedBeforeTraining() throws Exception {
        Path xor = XorProject.copyInto(dir);
        Run r = Run.of("train", xor.toString(), "--samples", dir.resolve("grids").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--samples draws reconstructions of images"), r.err());
        assertFalse(Files.exists(dir.resolve("grids")));
    }
}
