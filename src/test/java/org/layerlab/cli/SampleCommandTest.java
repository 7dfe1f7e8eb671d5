package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.SampleData;

/** sample: new images from a trained VAE's decoder, seeded; refused for a network without Sampling. */
class SampleCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTrainedVaeDrawsNewImagesReproduciblyBySeed() throws Exception {
        SampleData.copyFashionSubset(dir);
        Path vae = dir.resolve("vae.layerlab");
        Files.copy(Path.of("samples/fashion_vae.layerlab"), vae);
        assertEquals(0, Run.of("train", vae.toString(), "--epochs", "1").code());

        Run r = Run.of("sample", vae.toString(), "--count", "5", "--out", dir.resolve("a").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        for (int i = 1; i <= 5; i++) {
            BufferedImage png = ImageIO.read(dir.resolve(String.format("a/sample-%03d.png", i)).toFile());
            assertEquals(28 * 4, png.getWidth());
        }
        assertEquals((5 * 29 - 1) * 4, ImageIO.read(dir.resolve("a/samples.png").toFile()).getWidth());
        assertEquals(0, Run.of("sample", vae.toString(), "--count", "5", "--out", dir.resolve("b").toString()).code());
        assertEquals(-1, Files.mismatch(dir.resolve("a/samples.png"), dir.resolve("b/samples.png")), "same seed");
        assertEquals(0, Run.of("sample", vae.toString(), "--count", "5", "--seed", "7", "--out",
                dir.resolve("c").toString()).code());
        assertTrue(Files.mismatch(dir.resolve("a/samples.png"), dir.resolve("c/samples.png")) >= 0, "another seed");
    }

    @Test
    void aNetworkWithoutSamplingIsRefusedWithWhatItNeeds() throws Exception {
        Path xor = XorProject.copyInto(dir);
        Run r = Run.of("sample", xor.toString(), "--count", "3", "--out", dir.resolve("s").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a network with a Sampling layer"), r.err());
        assertFalse(Files.exists(dir.resolve("s")));
    }
}
