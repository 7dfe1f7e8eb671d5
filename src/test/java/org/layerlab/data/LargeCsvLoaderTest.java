package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.engine.Tensor;

/** The streaming CSV path gives exactly what the in-memory path gives, on the heap or on disk. */
class LargeCsvLoaderTest {
    @TempDir
    Path dir;

    private Path messy(int rows) throws Exception {
        StringBuilder sb = new StringBuilder("\uFEFFsize;colour;\"note\";label\n");
        for (int i = 0; i < rows; i++) {
            String size = i % 17 == 0 ? "" : (i % 50) + "," + (i % 10);
            String colour = i % 13 == 0 ? "NA" : new String[] {"red", "green", "blue"}[i % 3];
            String label = i % 29 == 0 ? "" : i % 2 == 0 ? "even" : "odd";
            sb.append(size).append(';').append(colour).append(";\"a; b\"\n".replace("a", Integer.toString(i % 4)))
                    .insert(sb.length() - 1, ";" + label);
        }
        Path p = dir.resolve("big.csv");
        Files.writeString(p, sb);
        return p;
    }

    private static float[][] all(Dataset d) {
        int n = d.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Tensor x = Tensor.ofBatch(n, d.featureShape());
        Tensor y = Tensor.zeros(n, 1);
        d.gather(order, 0, n, x, y);
        return new float[][] {Arrays.copyOf(x.data(), n * d.featureShape().size()), Arrays.copyOf(y.data(), n)};
    }

    @Test
    void streamedRowsMatchTheInMemoryLoaderOnHeapAndOnDisk() throws Exception {
        Path file = messy(3000);
        CsvLoader.Options fill = CsvLoader.Options.defaults().withMissing(FeatureEncoder.Missing.FILL);
        CsvLoader.Encoded reference = CsvLoader.encode(CsvTable.read(file), fill, "big.csv");
        LargeCsvLoader.Loaded heap = LargeCsvLoader.load(file, fill, Long.MAX_VALUE);
        LargeCsvLoader.Loaded disk = LargeCsvLoader.load(file, fill, 0);
        assertTrue(heap.data() instanceof ArrayDataset);
        assertTrue(disk.data() instanceof MappedTableDataset);
        assertEquals(reference.data().size(), disk.data().size());
        assertEquals(reference.droppedRows(), disk.droppedRows());
        assertEquals(reference.data().classNames(), disk.data().classNames());
        assertEquals(reference.data().featureNames(), disk.data().featureNames());
        float[][] want = all(reference.data());
        for (Dataset d : new Dataset[] {heap.data(), disk.data()}) {
            float[][] got = all(d);
            assertArrayEquals(want[0], got[0]);
            assertArrayEquals(want[1], got[1]);
        }
        assertEquals(reference.data().target(2000), disk.data().target(2000));
    }

    @Test
    void normalizationOfDataOnDiskIsAppliedAsRowsAreRead() throws Exception {
        Path file = messy(500);
        CsvLoader.Options drop = CsvLoader.Options.defaults().droppingIncompleteRows();
        ArrayDataset reference = CsvLoader.load(file, drop);
        MappedTableDataset disk = (MappedTableDataset) LargeCsvLoader.load(file, drop, 0).data();
        int[] rows = {0, 5, 9, 100, 200};
        Normalization a = Normalization.fit(Normalization.Kind.STANDARDIZE, reference.featureValues(),
                reference.featureShape().size(), rows);
        Normalization b = Normalization.fit(Normalization.Kind.STANDARDIZE, disk, rows);
        assertArrayEquals(a.offset(), b.offset(), 1e-5f);
        assertArrayEquals(a.scale(), b.scale(), 1e-5f);
        float[] scaled = reference.featureValues().clone();
        a.applyInPlace(scaled);
        assertArrayEquals(scaled, all(disk.withNormalization(b))[0], 1e-5f);
    }

    @Test
    void gapsRefusedNameTheLineWhileStreaming() throws Exception {
        // Line 2 has no target (left out); line 15 is the first with a feature gap (colour NA).
        Path file = messy(100);
        DataException e = assertThrows(DataException.class,
                () -> LargeCsvLoader.load(file, CsvLoader.Options.defaults(), Long.MAX_VALUE));
        assertEquals("big.csv line 15, column 'colour' is missing a value. Fix the file, leave that column out, or choose to"
                + " drop or fill incomplete rows.", e.getMessage());
    }
}
