package org.layerlab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.layerlab.project.DatasetSource;
import org.layerlab.project.LoadedData;
import org.layerlab.ui.common.Background;

class DataLoadsTest {
    private final Path dir = Path.of("").toAbsolutePath();
    private final DatasetSource spirals = new DatasetSource.Generated("spirals", 400, 0.02, 2, 7, 0.2);

    @Test
    void trainReusesTheReadTheDataTabStarted() throws Exception {
        DataLoads loads = new DataLoads();
        var first = loads.reload(spirals, dir);
        assertSame(first, loads.of(new DatasetSource.Generated("spirals", 400, 0.02, 2, 7, 0.2), dir), "equal source");
        LoadedData d = DataLoads.await(first);
        assertEquals(320, d.train().size());
        assertNotSame(first, loads.of(new DatasetSource.Generated("spirals", 500, 0.02, 2, 7, 0.2), dir), "other data");
        assertNotSame(first, loads.reload(spirals, dir), "setting the dataset reads it again");
    }

    @Test
    void aFailedReadReportsTheLoadersMessageAndIsTriedAgain() {
        DataLoads loads = new DataLoads();
        DatasetSource missing = new DatasetSource.Idx("no-such-file.gz", "labels.gz", null, null);
        var failed = loads.of(missing, dir);
        Exception e = assertThrows(Exception.class, () -> DataLoads.await(failed));
        assertTrue(e.getMessage().contains("no-such-file.gz"), e.getMessage());
        assertNotSame(failed, loads.of(missing, dir));
    }

    @Test
    void readsRunThroughTheInjectedBackgroundRunner() throws Exception {
        List<String> names = new ArrayList<>();
        Background.useForTests((name, task) -> {
            names.add(name);
            task.run();
        });
        try {
            var read = new DataLoads().reload(spirals, dir);
            assertTrue(read.isDone(), "run on the caller's thread, so done on return");
            assertEquals(320, read.get().train().size());
            assertEquals(List.of("layerlab-data"), names);
        } finally {
            Background.useForTests(null);
        }
    }
}
