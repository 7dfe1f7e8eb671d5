package org.layerlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data files built to hurt: quotes, endless lines, odd line ends, infinities, pipes. */
class HostileDataTest {
    @TempDir
    Path dir;

    private static List<String[]> records(String text) throws IOException {
        List<String[]> out = new ArrayList<>();
        CsvRecords.read(new StringReader(text), ',', "t.csv", (fields, line) -> out.add(fields));
        return out;
    }

    @Test
    void aRunOfQuotesAfterALongCellIsReadInLinearTime() throws IOException {
        // Each quote used to copy the whole cell: 20,000 quotes after a 2 MB cell took 20 s and 1.5 GB.
        String text = "a,b\n" + "x".repeat(2_000_000) + "\"".repeat(20_000) + ",1\n";
        List<String[]> r = records(text);
        assertEquals(2, r.size());
        assertEquals(2_020_000, r.get(1)[0].length(), "quotes inside an unquoted cell are kept as they are");
    }

    @Test
    void aLineWithoutEndIsRefusedOnceItPassesTheLimit() {
        Reader endless = new Reader() {
            @Override
            public int read(char[] buf, int off, int len) {
                Arrays.fill(buf, off, off + len, 'a');
                return len;
            }

            @Override
            public void close() {
            }
        };
        DataException e = assertThrows(DataException.class,
                () -> CsvRecords.read(endless, ',', "big.csv", (fields, line) -> true));
        assertTrue(e.getMessage().startsWith("big.csv line 1 is longer than 16 million characters"), e.getMessage());
    }

    @Test
    void crOnlyLineEndsAreLineEnds() throws IOException {
        List<String[]> r = records("a,b\r1,2\r3,4\r");
        assertEquals(3, r.size());
        assertEquals("3", r.get(2)[0]);
        assertEquals(3, records("a,b\r\n1,2\r\n3,4\r\n").size(), "CR-LF still one line end");
        assertEquals("x\ry", records("a\n\"x\ry\"\n").get(1)[0], "a CR inside quotes is kept");
    }

    @Test
    void infiniteAndHugeValuesAreGapsWithTheSameChoicesAsMissingOnes() throws IOException {
        Path csv = dir.resolve("inf.csv");
        Files.writeString(csv, "a,b,y\n1,2,0\nInfinity,3,1\n4,1e308,0\n5,6,1\n");
        DataException refused = assertThrows(DataException.class,
                () -> CsvLoader.load(csv, CsvLoader.Options.defaults()));
        assertTrue(refused.getMessage().contains("line 3") && refused.getMessage().contains("'Infinity', not a finite number"),
                refused.getMessage());
        ArrayDataset dropped = CsvLoader.load(csv, new CsvLoader.Options(null, CsvLoader.Task.AUTO, List.of(),
                FeatureEncoder.Missing.DROP_ROWS));
        assertEquals(2, dropped.size());
        ArrayDataset filled = CsvLoader.load(csv, new CsvLoader.Options(null, CsvLoader.Task.AUTO, List.of(),
                FeatureEncoder.Missing.FILL));
        assertEquals(4, filled.size());
        float[] x = filled.featureValues();
        // Column a filled with the mean of 1, 4, 5; column b with the mean of 2, 3, 6.
        assertEquals(10f / 3, x[2], 1e-5f);
        assertEquals(11f / 3, x[5], 1e-5f);
    }

    @Test
    void aNamedPipeInAnImageFolderIsSkippedNotWaitedOn() throws Exception {
        Path cls = Files.createDirectories(dir.resolve("images/cats"));
        Files.copy(Path.of("samples", "data", "xor.csv"), cls.resolve("notes.txt"));
        Process mkfifo = new ProcessBuilder("mkfifo", cls.resolve("trap.png").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        ImageFolderLoader.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> {
                    try {
                        return ImageFolderLoader.load(dir.resolve("images"), 8, 8, 1, (done, total) -> { }, () -> false);
                    } catch (DataException e) {
                        return null;
                    }
                });
        // The folder holds no readable image, so loading may end in an error; it must end.
        if (r != null) {
            assertTrue(r.skipped().stream().anyMatch(s -> s.reason().contains("not a regular file")));
        }
    }
}
