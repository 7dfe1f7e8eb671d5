package org.layerlab.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The samples' data files copied where a test's project lives, as project files name them (data/...). */
public final class SampleData {
    /** The four IDX files of the shipped 6,000-image Fashion-MNIST subset. */
    public static final List<String> FASHION_FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private SampleData() {
    }

    /** dir/data/fashion-mnist-small with the subset, as the fashion samples expect it. */
    public static void copyFashionSubset(Path dir) throws IOException {
        Path data = dir.resolve("data/fashion-mnist-small");
        Files.createDirectories(data);
        for (String f : FASHION_FILES) {
            Files.copy(Path.of("samples/data/fashion-mnist-small").resolve(f), data.resolve(f));
        }
    }
}
