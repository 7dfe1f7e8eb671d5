package org.layerlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.project.Samples;

/** Save writes over the user's own project, but asks where before it would write over a sample. */
class SaveTargetTest {
    @Test
    void aSampleIsNeverSavedInPlace() {
        // Tests run in the checkout, where samples/ is the folder Open Sample lists.
        Path iris = Samples.list().stream().filter(p -> p.getFileName().toString().equals("iris.layerlab"))
                .findFirst().orElseThrow();
        assertTrue(FileActions.asksWhere(iris));
        assertTrue(FileActions.asksWhere(Path.of("samples", "iris.layerlab")), "a relative path to the same file");
        assertTrue(FileActions.asksWhere(Path.of("samples", "data", "..", "wine.layerlab")), "an unnormalised path");
    }

    @Test
    void theUsersOwnProjectIsSavedWhereItIs(@TempDir Path dir) throws IOException {
        Path own = Files.writeString(dir.resolve("iris.layerlab"), "{}");
        assertFalse(FileActions.asksWhere(own));
        assertFalse(FileActions.asksWhere(Path.of("iris.layerlab")), "a file in the working folder");
        assertFalse(FileActions.asksWhere(Path.of("samples", "data", "iris.layerlab")), "a folder inside samples/");
    }

    @Test
    void anUnsavedProjectAsks() {
        assertTrue(FileActions.asksWhere(null));
    }
}
