package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

class ImageFolderLoaderTest {
    @TempDir
    Path dir;

    private void image(Path file, Color c) throws Exception {
        BufferedImage img = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 20, 10);
        g.dispose();
        ImageIO.write(img, file.toString().endsWith(".bmp") ? "bmp" : "png", file.toFile());
    }

    /** A PNG whose header claims 100,000 × 100,000 pixels (a decompression bomb's calling card). */
    private static byte[] bombHeader() {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update("IHDR".getBytes());
        crc.update(ihdr.array());
        ByteBuffer b = ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        b.putInt(13).put("IHDR".getBytes()).put(ihdr.array()).putInt((int) crc.getValue());
        return b.array();
    }

    @Test
    void loadsClassesResizesAndListsWhatItSkipped() throws Exception {
        Path cats = Files.createDirectories(dir.resolve("cats"));
        Path dogs = Files.createDirectories(dir.resolve("dogs"));
        image(cats.resolve("a.png"), Color.WHITE);
        image(cats.resolve("b.bmp"), Color.RED);
        image(dogs.resolve("c.png"), Color.BLACK);
        Files.writeString(dogs.resolve("notes.txt"), "not an image");
        Files.write(dogs.resolve("broken.png"), new byte[] {1, 2, 3, 4, 5});
        Files.write(dogs.resolve("bomb.png"), bombHeader());
        int[] progress = new int[1];
        ImageFolderLoader.Result r = ImageFolderLoader.load(dir, 8, 6, 1, (done, total) -> progress[0] = done, () -> false);
        assertEquals(List.of("cats", "dogs"), r.dataset().classNames());
        assertEquals(3, r.dataset().size());
        assertEquals(Shape.of(6, 8, 1), r.dataset().featureShape());
        assertEquals(3, r.skipped().size(), r.skipped().toString());
        String reasons = r.skipped().toString();
        assertTrue(reasons.contains("notes.txt") && reasons.contains("not a PNG, JPEG, BMP or GIF image"), reasons);
        assertTrue(reasons.contains("broken.png"), reasons);
        assertTrue(reasons.contains("bomb.png") && reasons.contains("100000×100000"), reasons);
        assertEquals(5, progress[0], "progress counts every candidate image");
        Tensor x = Tensor.zeros(3, 6, 8, 1);
        Tensor y = Tensor.zeros(3, 1);
        r.dataset().gather(new int[] {0, 1, 2}, 0, 3, x, y);
        assertEquals(1f, x.get(0), 1e-6, "white");
        assertEquals(0.299f, x.get(48), 0.01, "red in grayscale");
        assertEquals(0f, x.get(96), 1e-6, "black");
        assertEquals(1f, y.get(2));

        // The same folder with a tiny memory limit: pixels go to a file on disk, batches read the same values.
        ImageFolderLoader.Result onDisk = ImageFolderLoader.load(dir, 8, 6, 1, (done, total) -> { }, () -> false, 10);
        assertTrue(((ByteImageDataset) onDisk.dataset()).onDisk());
        assertTrue(!((ByteImageDataset) r.dataset()).onDisk());
        Tensor x2 = Tensor.zeros(3, 6, 8, 1);
        onDisk.dataset().gather(new int[] {0, 1, 2}, 0, 3, x2, y);
        assertArrayEquals(x.data(), x2.data());
    }

    @Test
    void tooLittleStructureOrTooMuchMemoryIsExplained() throws Exception {
        Files.createDirectories(dir.resolve("only"));
        DataException one = assertThrows(DataException.class,
                () -> ImageFolderLoader.load(dir, 8, 8, 1, (a, b) -> { }, () -> false));
        assertTrue(one.getMessage().contains("one subfolder per class"), one.getMessage());
        Files.createDirectories(dir.resolve("second"));
        DataException size = assertThrows(DataException.class,
                () -> ImageFolderLoader.load(dir, 4096, 8, 1, (a, b) -> { }, () -> false));
        assertTrue(size.getMessage().contains("between 1×1 and 1024×1024"), size.getMessage());
    }
}
