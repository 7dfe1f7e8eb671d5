package org.layerlab.ui.dashboard;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.layerlab.project.DataLoader;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.LoadedData;
import org.layerlab.ui.common.Background;

/**
 * The project's data, read on a thread of its own and shared by the Data tab and Train. Opening a
 * project with full Fashion-MNIST and pressing Train used to read (and hold) the 47 MB of
 * images twice, the second time while the first epoch ran. The data is read again when the
 * project's dataset is set, even to the same files (that is how a changed file is picked up).
 */
final class DataLoads {
    private DatasetSource source;
    private Path dir;
    private CompletableFuture<LoadedData> load;

    /** Reads source anew (the Data tab, when the dataset is chosen or the project opened). */
    synchronized CompletableFuture<LoadedData> reload(DatasetSource source, Path dir) {
        this.source = source;
        this.dir = dir;
        CompletableFuture<LoadedData> f = new CompletableFuture<>();
        Background.run("layerlab-data", () -> {
            try {
                f.complete(DataLoader.load(source, dir));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        load = f;
        return f;
    }

    /** The read of source under way or done (a failed one is tried again), else a new one. */
    synchronized CompletableFuture<LoadedData> of(DatasetSource source, Path dir) {
        if (load == null || load.isCompletedExceptionally() || !source.equals(this.source) || !dir.equals(this.dir)) {
            return reload(source, dir);
        }
        return load;
    }

    /** Waits for a read; its failure comes out as the exception the loader threw. */
    static LoadedData await(CompletableFuture<LoadedData> f) throws Exception {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
