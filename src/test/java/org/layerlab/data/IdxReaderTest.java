package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.Shape;
import org.layerlab.engine.Tensor;

class IdxReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, int magic, int[] dims, int dataBytes, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (int i = 0; i < dataBytes; i++) {
            out.writeByte(i % 10);
        }
        Path p = dir.resolve(name);
        try (OutputStream f = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            f.write(bytes.toByteArray());
        }
        return p;
    }

    @Test
    void readsTheShippedFashionMnistSubset() throws IOException {
        Path base = Path.of("samples", "data", "fashion-mnist-small");
        ByteImageDataset d = ByteImageDataset.loadIdx(base.resolve("train-images-idx3-ubyte.gz"),
                base.resolve("train-labels-idx1-ubyte.gz"), null);
        assertEquals(6000, d.size());
        assertEquals(Shape.of(28, 28, 1), d.featureShape());
        assertEquals("Ankle boot", d.classNames().get(9));
        Tensor x = Tensor.zeros(2, 28, 28, 1);
        Tensor y = Tensor.zeros(2, 1);
        d.gather(new int[] {0, 1}, 0, 2, x, y);
        float max = 0;
        for (int i = 0; i < x.size(); i++) {
            max = Math.max(max, x.get(i));
        }
        assertTrue(max > 0.9f && max <= 1f, "pixels scaled to [0, 1]: " + max);
    }

    @Test
    void rawAndGzipFilesRoundTrip() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            IdxReader.Idx idx = IdxReader.read(write("a" + gzip, 0x00000803, new int[] {3, 2, 2}, 12, gzip));
            assertEquals(3, idx.count());
            assertEquals(12, idx.values().length);
            assertEquals(7, idx.values()[7]);
        }
    }

    @Test
    void filesLargerThanTheMemoryLimitStayOnDiskAndReadTheSame() throws IOException {
        Path base = Path.of("samples", "data", "fashion-mnist-small");
        Path images = base.resolve("t10k-images-idx3-ubyte.gz");
        Path labels = base.resolve("t10k-labels-idx1-ubyte.gz");
        ByteImageDataset inMemory = ByteImageDataset.loadIdx(images, labels, null);
        ByteImageDataset unpacked = ByteImageDataset.loadIdx(images, labels, null, 1000);
        assertTrue(!inMemory.onDisk() && unpacked.onDisk(), "gzip is unpacked to a temporary file and mapped");
        // A raw copy is mapped where it lies.
        Path raw = dir.resolve("images.idx");
        try (var in = new GZIPInputStream(Files.newInputStream(images))) {
            Files.copy(in, raw);
        }
        ByteImageDataset mapped = ByteImageDataset.loadIdx(raw, labels, null, 1000);
        assertTrue(mapped.onDisk());
        int[] order = {999, 0, 517, 3};
        for (ByteImageDataset d : List.of(unpacked, mapped)) {
            Tensor a = Tensor.zeros(4, 28, 28, 1);
            Tensor b = Tensor.zeros(4, 28, 28, 1);
            Tensor ya = Tensor.zeros(4, 1);
            Tensor yb = Tensor.zeros(4, 1);
            inMemory.gather(order, 0, 4, a, ya);
            d.gather(order, 0, 4, b, yb);
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.data(), b.data());
            org.junit.jupiter.api.Assertions.assertArrayEquals(ya.data(), yb.data());
        }
        DataException truncated = assertThrows(DataException.class,
                () -> IdxReader.read(write("short2.gz", 0x00000803, new int[] {3, 2, 2}, 10, true), 4));
        assertEquals("short2.gz is truncated: its header (3×2×2) promises: 12 values but it holds 10", truncated.getMessage());
    }

    @Test
    void imagesHeldInSeveralChunksReadAsOneArrayWould() throws IOException {
        Path base = Path.of("samples", "data", "fashion-mnist-small");
        Path images = base.resolve("train-images-idx3-ubyte.gz");
        Path labels = base.resolve("train-labels-idx1-ubyte.gz");
        IdxReader.Stored stored = IdxReader.read(images, IdxReader.MAX_VALUES);
        assertTrue(stored.values().size() > PixelStore.CHUNK, "the subset spans more than one chunk");
        byte[] whole;
        try (var in = new GZIPInputStream(Files.newInputStream(images))) {
            whole = Arrays.copyOfRange(in.readAllBytes(), 16, 16 + (int) stored.values().size());
        }
        // Image 5349 starts 4,193,616 bytes in and ends past the first chunk's 4,194,304.
        int per = 28 * 28;
        for (int image : new int[] {0, 5349, 5350, 5999}) {
            float[] got = new float[per];
            stored.values().copyScaled((long) image * per, got, 0, per, 1f);
            for (int k = 0; k < per; k++) {
                assertEquals(whole[image * per + k] & 0xff, got[k], 0f, "image " + image + " value " + k);
            }
        }
        assertEquals(6000, ByteImageDataset.loadIdx(images, labels, null).size());
    }

    @Test
    void truncatedFileNamesTheFileAndTheShortfall() throws IOException {
        DataException raw = assertThrows(DataException.class,
                () -> IdxReader.read(write("short.idx", 0x00000803, new int[] {3, 2, 2}, 10, false)));
        assertEquals("short.idx is 26 bytes but its header (3×2×2) says 28: the file is truncated", raw.getMessage());
        DataException gz = assertThrows(DataException.class,
                () -> IdxReader.read(write("short.gz", 0x00000803, new int[] {3, 2, 2}, 10, true)));
        assertEquals("short.gz is truncated: its header (3×2×2) promises 12 values but it holds 10", gz.getMessage());
    }

    @Test
    void wrongMagicIsRefused() throws IOException {
        DataException e = assertThrows(DataException.class,
                () -> IdxReader.read(write("bad.idx", 0x12345678, new int[] {1}, 1, false)));
        assertTrue(e.getMessage().startsWith("bad.idx is not an IDX file of unsigned bytes: its magic number is 0x12345678"),
                e.getMessage());
    }

    @Test
    void hugeClaimedDimensionIsRefusedBeforeAllocating() throws IOException {
        DataException e = assertThrows(DataException.class,
                () -> IdxReader.read(write("huge.gz", 0x00000803, new int[] {60000, 100000, 100000}, 4, true)));
        assertTrue(e.getMessage().contains("more than LayerLab can hold"), e.getMessage());
    }

    @Test
    void mismatchedImageAndLabelCountsAreExplained() throws IOException {
        Path images = write("img", 0x00000803, new int[] {3, 2, 2}, 12, false);
        Path labels = write("lbl", 0x00000801, new int[] {4}, 4, false);
        DataException e = assertThrows(DataException.class, () -> ByteImageDataset.loadIdx(images, labels, null));
        assertEquals("img has 3 images but lbl has 4 labels: they must come in matching pairs", e.getMessage());
    }
}
