package org.layerlab.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint exports record: the same for the same bytes, different after any change, none without the files. */
class DataFingerprintTest {
    @TempDir
    Path dir;

    private DatasetSource csv(String path) {
        return new DatasetSource.Csv(path, "y", "regression", "none", 0.2, 1, null, null);
    }

    @Test
    void sameBytesSameFingerprintAndAnyChangeShows() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n3,4\n");
        String first = DataFiles.fingerprint(csv("a.csv"), dir);
        assertTrue(first.matches("sha256:[0-9a-f]{16} over 1 file, 12 bytes"), first);
        assertEquals(first, DataFiles.fingerprint(csv("a.csv"), dir));
        Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n3,5\n");
        assertNotEquals(first, DataFiles.fingerprint(csv("a.csv"), dir));
    }

    @Test
    void aFolderCountsEveryFileAndMissingDataHasNone() throws IOException {
        Files.createDirectories(dir.resolve("images/cat"));
        Files.writeString(dir.resolve("images/cat/1.png"), "one");
        Files.writeString(dir.resolve("images/cat/2.png"), "two!");
        String f = DataFiles.fingerprint(new DatasetSource.ImageFolder("images", 8, 8, 1, 0.2, 1), dir);
        assertTrue(f.endsWith("over 2 files, 7 bytes"), f);
        assertNull(DataFiles.fingerprint(csv("missing.csv"), dir));
    }
}
